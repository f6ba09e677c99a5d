import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadContent, MAX_ALIAS_COUNT, MAX_CONTENT_BYTES } from "../../src/content/load.js";
import { ContentError } from "../../src/errors.js";
import { removeDir, tempDir } from "../helpers/cli.js";

/**
 * A person's own content folder holding things that are not small YAML files:
 * a named pipe, an alias bomb, a huge file, a folder or a bad alias where a
 * file is expected. Each is one ContentError naming the file (and the line
 * where there is one), found without reading the whole thing into memory.
 * Devices behind symlinks are in test/e2e/content-hostile.test.ts, where a
 * regression can be held to a memory limit.
 */
let own: string;
const writers: ChildProcess[] = [];
beforeEach(() => (own = tempDir("rc-content-hostile-")));
afterEach(() => {
  for (const writer of writers.splice(0)) writer.kill("SIGKILL");
  removeDir(own);
});

const write = (name: string, text: string) => {
  mkdirSync(join(own, name, ".."), { recursive: true });
  writeFileSync(join(own, name), text);
};

const strategies = `strategies:
  - id: my-own
    title: My own
    phase: act
    summary: A line of summary.
    why: A line of why.
    try: [Do one thing., Do another thing.]
`;

/**
 * A FIFO with a writer waiting to send valid YAML. The loader must refuse it
 * for what it is; and were it to open it as a file, the writer lets the read
 * finish, so a regression fails this test instead of hanging the test run.
 */
function fifoWithWriter(name: string, text: string): void {
  const path = join(own, name);
  mkdirSync(join(path, ".."), { recursive: true });
  execFileSync("mkfifo", [path]);
  writers.push(spawn("sh", ["-c", 'printf "%s" "$1" > "$2"', "sh", text, path], { stdio: "ignore" }));
}

/** Nine lines of anchors, each listing the previous one nine times: 9^9 strings once expanded. */
function aliasBomb(): string {
  const lines = [strategies.trimEnd(), 'lol0: &lol0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= 9; level++) {
    lines.push(
      `lol${level}: &lol${level} [${Array(9)
        .fill(`*lol${level - 1}`)
        .join(",")}]`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const refusal = (): string => {
  try {
    loadContent({ userDir: own });
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error("the content folder was accepted");
};

describe("a content folder with files that are not small YAML files", () => {
  it("refuses a named pipe as strategies.yaml without reading from it", () => {
    fifoWithWriter("strategies.yaml", strategies);
    expect(refusal()).toMatch(/strategies\.yaml: is a named pipe \(FIFO\), not a regular file/);
  });

  it("refuses a named pipe among the templates, naming it", () => {
    fifoWithWriter("templates/thanks.yaml", "id: thank-you\n");
    expect(refusal()).toMatch(/templates\/thanks\.yaml: is a named pipe \(FIFO\), not a regular file/);
  });

  it("refuses a file over the size limit before parsing it, and says the limit", () => {
    // 17 MB of valid YAML: one strategy, then comment lines.
    const line = "# a comment line that pads the file out to many megabytes of text\n";
    write("strategies.yaml", strategies + line.repeat(Math.ceil((17 * 1024 * 1024) / line.length)));
    expect(MAX_CONTENT_BYTES).toBeLessThan(17 * 1024 * 1024);
    expect(refusal()).toMatch(/strategies\.yaml: is larger than 2 MB; content files are small YAML files/);
  });

  it("refuses a folder where a file is expected", () => {
    mkdirSync(join(own, "reflection.yaml"));
    expect(refusal()).toMatch(/reflection\.yaml: is a folder, not a regular file/);
  });

  it("refuses a templates entry that is a file rather than a folder", () => {
    write("templates", "not a folder\n");
    expect(refusal()).toMatch(/templates: is not a folder/);
  });
});

describe("YAML aliases in a content file", () => {
  it("refuses an alias bomb with the file, line and alias, without expanding it", () => {
    write("strategies.yaml", aliasBomb());
    const message = refusal();
    expect(message).toMatch(
      new RegExp(
        `strategies\\.yaml:\\d+:\\d+: invalid YAML: \\*lol\\d repeats anchored content too often \\(more than ${MAX_ALIAS_COUNT} uses`,
      ),
    );
    // The line is one of the alias lines, not the top of the file.
    const line = Number(/strategies\.yaml:(\d+):/.exec(message)![1]);
    expect(line).toBeGreaterThan(9);
    expect(aliasBomb().split("\n")[line - 1]).toMatch(/^lol\d: &lol\d \[\*lol\d/);
  });

  it("refuses an alias without an anchor, with its line", () => {
    write("strategies.yaml", "# my strategies\nstrategies: *mine\n");
    expect(refusal()).toMatch(/strategies\.yaml:2:13: invalid YAML: \*mine has no anchor &mine before it/);
  });

  it("still reads content that reuses an anchor a few times", () => {
    write(
      "strategies.yaml",
      `strategies:
  - id: my-own
    title: My own
    phase: act
    summary: &same A line used twice.
    why: *same
    try: &steps [Do one thing., Do another thing.]
  - id: my-second
    title: My second
    phase: act
    summary: *same
    why: *same
    try: *steps
`,
    );
    const content = loadContent({ userDir: own });
    expect(content.strategies.find((s) => s.id === "my-second")).toMatchObject({
      why: "A line used twice.",
      try: ["Do one thing.", "Do another thing."],
    });
  });
});
