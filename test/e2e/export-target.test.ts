import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noteFileName } from "../../src/export/markdown.js";
import { pidExists } from "../../src/journal/liveness.js";
import { BIN, cliEnv, removeDir, runCli, runCliAsync, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { fixtureEntries, seedJournal } from "../helpers/journal-fixture.js";
import { waitFor } from "../helpers/wait.js";

/**
 * Where `export --output` and `--per-file` may write: never onto the journal's
 * own files, never replacing a device, a named pipe or a symlink with a file,
 * and `/dev/stdout` is the stdout the shell gave. (Run `npm run build` first.)
 */

let root: string;
let dataDir: string;
beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  await seedJournal(dataDir, fixtureEntries());
});
afterEach(() => removeDir(root));

const run = (...args: string[]) => runCli(args, { dataDir });
/** Every file of the data folder with its bytes: what a refused export must leave exactly as it was. */
const snapshot = (dir = dataDir) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name)).toString("base64")]),
  );
const exportJson = () => run("export", "--format", "json").stdout;

/** A pid that no process has: one of a process that has ended. */
function deadPid(): number {
  for (;;) {
    const { pid } = spawnSync(process.execPath, ["-e", ""]);
    if (pid && !pidExists(pid)) return pid;
  }
}

describe("an export onto the journal's own files is refused", () => {
  const cases: [string, () => string[]][] = [
    ["--output DATA/journal.json", () => ["--output", join(dataDir, "journal.json")]],
    [
      "--output a symlink to the journal",
      () => {
        symlinkSync(join(dataDir, "journal.json"), join(root, "backup.json"));
        return ["--output", join(root, "backup.json")];
      },
    ],
    ["--output DATA/../home/journal.json", () => ["--output", `${dataDir}/../home/journal.json`]],
    ["--output DATA/settings.json", () => ["--output", join(dataDir, "settings.json")]],
    ["--output DATA/journal.json.lock", () => ["--output", join(dataDir, "journal.json.lock")]],
    ["--output the seal", () => ["--output", join(dataDir, "journal.json.checked")]],
    [
      "--output through a symlinked data folder",
      () => {
        symlinkSync(dataDir, join(root, "data-link"));
        return ["--output", join(root, "data-link", "journal.json")];
      },
    ],
  ];

  it.each(cases)("%s: exit 2, one line naming the path, nothing written", (_, args) => {
    const flags = args();
    const before = snapshot();
    const result = run("export", "--format", "csv", ...flags);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(flags[1]!.replace("/../home", "")); // the path, resolved
    expect(lines[0]).toContain("that is one of the journal's own files");
    expect(snapshot()).toEqual(before);
  });

  it("a data folder reached through a symlink is recognised from either side", () => {
    symlinkSync(dataDir, join(root, "data-link"));
    const before = snapshot();
    const result = runCli(
      ["--data", join(root, "data-link"), "export", "--format", "md", "--output", join(dataDir, "journal.json")],
      {
        dataDir,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("journal's own files");
    expect(snapshot()).toEqual(before);
  });

  it("--per-file DATA: exit 2, the data folder is named, no note is written", () => {
    const before = snapshot();
    const result = run("export", "--format", "md", "--per-file", dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `rejection-coach: ${dataDir}: that is the journal's own data folder; write the notes to another folder`,
    ]);
    expect(snapshot()).toEqual(before);
  });
});

describe("--output does not replace what it does not own", () => {
  it("/dev/null swallows the export and stays a character device", () => {
    const result = run("export", "--format", "json", "--output", "/dev/null");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Wrote 5 entries to /dev/null");
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a named pipe passes the export to its reader and stays a pipe", async () => {
    const fifo = join(root, "pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    let received = "";
    reader.stdout.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    const readerDone = new Promise<number | null>((resolve) => reader.on("close", resolve));
    const result = await runCliAsync(["export", "--format", "json", "--output", fifo], { dataDir });
    // A writer that never opened the pipe would leave the reader waiting for good.
    if (result.code !== 0) reader.kill();
    await readerDone;
    expect(result.stderr).toContain(`Wrote 5 entries to ${fifo}`);
    expect(result.code).toBe(0);
    expect(received).toBe(exportJson());
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("waiting for a named pipe's reader, Ctrl+C still stops the export (exit 130)", async () => {
    const fifo = join(root, "pipe");
    execFileSync("mkfifo", [fifo]);
    // Says on stderr when the CLI first finds nobody reading the pipe, so the signal comes while it waits.
    const preload = join(root, "tell-waiting.cjs");
    writeFileSync(
      preload,
      `const fs = require("node:fs");
const open = fs.openSync;
let told = false;
fs.openSync = function (...args) {
  try {
    return open.apply(this, args);
  } catch (error) {
    if (error.code === "ENXIO" && !told) {
      told = true;
      fs.writeSync(2, "waiting for a reader\\n");
    }
    throw error;
  }
};
require("node:module").syncBuiltinESMExports();
`,
    );
    const child = spawn(process.execPath, [BIN, "export", "--format", "json", "--output", fifo], {
      env: cliEnv(dataDir, { NODE_OPTIONS: `--require ${preload}` }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let closed = false;
    child.on("close", () => (closed = true));
    try {
      await waitFor(() => stderr.includes("waiting for a reader") || closed, "the export to wait for a reader", 10_000);
      child.kill("SIGINT");
      // A thread blocked opening the pipe used to keep the process from exiting at all.
      await waitFor(() => closed, "the export to stop on SIGINT", 10_000);
    } finally {
      child.kill("SIGKILL");
    }
    expect(stderr).toContain("waiting for a reader");
    expect(child.exitCode).toBe(130);
    expect(stderr).toContain("Stopped.");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a named pipe's reader that stops early: one line, exit 1", async () => {
    const home = join(root, "big");
    // Far more than a pipe holds (64 KiB) and than head reads, so the writer is still writing when it stops.
    await seedJournal(
      home,
      Array.from({ length: 10 }, (_, index) => rejection({ id: `dd00000${index}`, note: "x".repeat(40_000) })),
    );
    const fifo = join(root, "pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("head", ["-c", "10", fifo], { stdio: ["ignore", "pipe", "ignore"] });
    const readerDone = new Promise((resolve) => reader.on("close", resolve));
    const result = await runCliAsync(["export", "--format", "json", "--output", fifo], { dataDir: home });
    if (result.code !== 0 && reader.exitCode === null) reader.kill();
    await readerDone;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `rejection-coach: ${fifo}: cannot write the export: the program reading it stopped before the end\n`,
    );
  });

  it("/dev/stdout with stdout piped writes the export to the pipe", () => {
    const result = run("export", "--format", "json", "--output", "/dev/stdout");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(exportJson());
    expect(readdirSync(root)).toEqual(["home"]);
  });

  it("/dev/stdout with stdout appended to a file appends, as the shell's >> asked", () => {
    const file = join(root, "log.txt");
    writeFileSync(file, "earlier lines\n");
    const inode = statSync(file).ino;
    const out = openSync(file, "a");
    try {
      const result = spawnSync(process.execPath, [BIN, "export", "--format", "json", "--output", "/dev/stdout"], {
        env: cliEnv(dataDir),
        stdio: ["ignore", out, "pipe"],
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    } finally {
      closeSync(out);
    }
    expect(readFileSync(file, "utf8")).toBe(`earlier lines\n${exportJson()}`);
    expect(statSync(file).ino).toBe(inode);
  });

  it("a symlink stays a symlink and its target gets the export", () => {
    const target = join(root, "real.json");
    const link = join(root, "link.json");
    writeFileSync(target, "old");
    symlinkSync(target, link);
    const result = run("export", "--format", "json", "--output", link);
    expect(result.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, "utf8")).toBe(exportJson());
  });

  it("a folder is refused with one line, exit 1", () => {
    const folder = join(root, "folder");
    mkdirSync(folder);
    const result = run("export", "--format", "json", "--output", folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`rejection-coach: ${folder}: cannot write the export: it is a folder\n`);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("a killed export's temporary copies", () => {
  it("--output removes those of a writer that is gone, and keeps those of one still running", () => {
    const out = join(root, "out.json");
    const dead = `out.json.tmp-${deadPid()}-abcd`;
    const live = `out.json.tmp-${process.pid}-abcd`;
    writeFileSync(join(root, dead), "half an export");
    writeFileSync(join(root, live), "an export in progress");
    const result = run("export", "--format", "json", "--output", out);
    expect(result.code).toBe(0);
    expect(readdirSync(root).sort()).toEqual(["home", live, "out.json"].sort());
    expect(readFileSync(out, "utf8")).toBe(exportJson());
  });

  it("--per-file removes those of its notes", () => {
    const vault = join(root, "vault");
    mkdirSync(vault);
    const note = noteFileName(fixtureEntries()[0]!);
    const dead = `${note}.tmp-${deadPid()}-abcd`;
    writeFileSync(join(vault, dead), "half a note");
    expect(run("export", "--format", "md", "--per-file", vault).code).toBe(0);
    expect(readdirSync(vault)).not.toContain(dead);
    expect(readdirSync(vault)).toHaveLength(fixtureEntries().length);
  });
});

describe("--per-file with long names", () => {
  const CJK = "株式会社テクノロジー研究所東京本社開発部門";
  const entries = [
    rejection({ id: "cc000001", company: CJK.repeat(3), role: `${CJK}シニアエンジニア`.repeat(2) }),
    rejection({ id: "cc000002", company: "🍣 Sushi 1\uFE0F\u20E3".repeat(30), role: "q\u0303".repeat(80) }),
    rejection({ id: "cc000003", company: "Acme", role: "Engineer" }),
  ];

  it("writes every note (CJK names stopped the export half way with ENAMETOOLONG)", async () => {
    const home = join(root, "cjk");
    await seedJournal(home, entries);
    const vault = join(root, "vault");
    const result = runCli(["export", "--format", "md", "--per-file", vault], { dataDir: home });
    expect(result.stderr).toBe(`Wrote 3 notes to ${vault}\n`);
    expect(result.code).toBe(0);
    expect(readdirSync(vault).sort()).toEqual(entries.map(noteFileName).sort());
  });

  it("a note that cannot be written is named, with how many were", async () => {
    const home = join(root, "cjk");
    await seedJournal(home, entries);
    const vault = join(root, "vault");
    const blocked = noteFileName(entries[2]!);
    mkdirSync(join(vault, blocked), { recursive: true });
    const result = runCli(["export", "--format", "md", "--per-file", vault], { dataDir: home });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `rejection-coach: ${vault}: wrote 2 of 3 notes; could not write: ${blocked} (it is a folder)\n`,
    );
  });
});
