import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/run.js";
import { cliEnv, removeDir, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { runInProcess } from "../helpers/run-in-process.js";

/*
 * The nudge as the CLI shows it, in-process. Only Date is faked, so that "today"
 * and "tomorrow" are the test's to choose (the CLI reads the clock with new Date());
 * timers stay real, so waiting for the lock and streams work as they do.
 */

let dataDir: string;
beforeEach(async () => {
  dataDir = tempDir();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 10, 30, 9, 0)); // 09:00 on 30 November, local time
  // Logged the day before, not reflected on: a reflection is waiting.
  await seedJournal(dataDir, [
    rejection({
      id: "a0000001",
      company: "Acme",
      date: "2026-11-29",
      createdAt: new Date(2026, 10, 29, 18).toISOString(),
    }),
  ]);
});
afterEach(() => {
  vi.useRealTimers();
  removeDir(dataDir);
});

const NUDGE = /When you are ready: a reflection on Acme/;
/** Any nudge; log's own closing line ("When you are ready: rejection-coach reflect ID") is not one. */
const ANY_NUDGE = /When you are ready: (?!rejection-coach)/;

interface Streams {
  stdin?: boolean;
  stdout?: boolean;
  stderr?: boolean;
}

/** The CLI with the ends named as terminals (all three unless told otherwise). */
async function runAt(args: string[], terminal: Streams = {}, env: NodeJS.ProcessEnv = {}) {
  const { stdin = true, stdout = true, stderr = true } = terminal;
  const out = Object.assign(new PassThrough(), { isTTY: stdout, columns: 100 });
  const err = Object.assign(new PassThrough(), { isTTY: stderr, columns: 100 });
  const outText = collect(out);
  const errText = collect(err);
  const code = await run(args, {
    stdin: Object.assign(Readable.from([]), { isTTY: stdin }),
    stdout: out,
    stderr: err,
    // After cliEnv, which clears CI for every other test.
    env: { ...cliEnv(dataDir), ...env },
  });
  return { code, stdout: outText(), stderr: errText() };
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString("utf8");
}

const nudgeFile = () => join(dataDir, "nudge-shown");

describe("the nudge on a terminal", () => {
  it("is one line on stderr, before the command's own output, and records the day privately", async () => {
    const list = await runAt(["list"]);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(NUDGE);
    expect(list.stderr.trim().split("\n")).toHaveLength(1);
    expect(list.stdout).not.toMatch(ANY_NUDGE);
    expect(readFileSync(nudgeFile(), "utf8")).toBe("2026-11-30\n");
    expect(statSync(nudgeFile()).mode & 0o777).toBe(0o600);
  });

  it("is shown once a day: the second run that day is silent, the next day it is back", async () => {
    expect((await runAt(["list"])).stderr).toMatch(NUDGE);
    expect((await runAt(["stats"])).stderr).not.toMatch(ANY_NUDGE);
    vi.setSystemTime(new Date(2026, 10, 30, 23, 59));
    expect((await runAt(["list"])).stderr).not.toMatch(ANY_NUDGE);
    vi.setSystemTime(new Date(2026, 11, 1, 0, 1));
    expect((await runAt(["list"])).stderr).toMatch(NUDGE);
    expect(readFileSync(nudgeFile(), "utf8")).toBe("2026-12-01\n");
  });

  it("comes with next (without its steps) and show, in plain mode too", async () => {
    expect((await runAt(["next"])).stderr).toMatch(NUDGE);
    vi.setSystemTime(new Date(2026, 11, 1, 9));
    expect((await runAt(["--plain", "show", "a0000001"])).stderr).toMatch(NUDGE);
  });
});

describe("no nudge", () => {
  it("when stdout, stderr or stdin is not a terminal; then the day is not used up", async () => {
    for (const ends of [{ stdout: false }, { stderr: false }, { stdin: false }]) {
      const result = await runAt(["list"], ends);
      expect(result.code).toBe(0);
      expect(result.stderr, JSON.stringify(ends)).not.toMatch(ANY_NUDGE);
    }
    expect((await runInProcess(["list"], { dataDir })).stderr).not.toMatch(ANY_NUDGE);
    expect(existsSync(nudgeFile())).toBe(false);
    expect((await runAt(["list"])).stderr).toMatch(NUDGE);
  });

  it("with --json, with next --ics, under CI, or with nudges off", async () => {
    const json = await runAt(["list", "--json"]);
    expect(json.stderr).toBe("");
    expect(JSON.parse(json.stdout)).toHaveLength(1);
    const calendar = await runAt(["next", "--ics"]);
    expect(calendar.code).toBe(0);
    expect(calendar.stdout).toMatch(/^BEGIN:VCALENDAR/);
    expect(calendar.stderr).not.toMatch(ANY_NUDGE);
    expect((await runAt(["list"], {}, { CI: "true" })).stderr).not.toMatch(ANY_NUDGE);
    expect((await runAt(["config", "set", "nudges", "off"])).code).toBe(0);
    expect((await runAt(["list"])).stderr).not.toMatch(ANY_NUDGE);
    expect(existsSync(nudgeFile())).toBe(false);
    expect((await runAt(["config", "set", "nudges", "on"])).code).toBe(0);
    expect((await runAt(["list"])).stderr).toMatch(NUDGE);
  });

  it("when the settings file cannot be read: quiet is the safe guess, and the command still runs", async () => {
    writeFileSync(join(dataDir, "settings.json"), "{ not json");
    const list = await runAt(["list"]);
    expect(list.code).toBe(0);
    expect(list.stderr).not.toMatch(ANY_NUDGE);
  });

  it("with commands that ask questions or do a job, nor with --help or --version", async () => {
    for (const args of [
      ["--help"],
      ["--version"],
      ["list", "--help"],
      ["export", "--format", "md"],
      ["doctor"],
      ["config"],
      ["next", "add", "a0000001", "Call Sam"],
      ["log", "--company", "Initech", "--role", "Dev", "--stage", "applied", "--ended", "ghosted", "--mood", "5"],
    ]) {
      const result = await runAt(args);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
      expect(result.stderr, args.join(" ")).not.toMatch(ANY_NUDGE);
    }
    expect(existsSync(nudgeFile())).toBe(false);
  });

  it("when the day cannot be recorded: without the record it could not keep to once a day", async () => {
    // A folder where the file goes: it cannot be replaced by a file.
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(nudgeFile(), "inside"), { recursive: true });
    const list = await runAt(["list"]);
    expect(list.code).toBe(0);
    expect(list.stderr).not.toMatch(ANY_NUDGE);
  });
});
