import { EXPORT_VERSION } from "../../src/journal/export-version.js";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, storeFiles, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection, win } from "../helpers/fixtures.js";

const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));

function home(content?: string): { dir: string; file: string } {
  const root = tempDir();
  roots.push(root);
  const dir = join(root, "home");
  const file = join(dir, "journal.json");
  if (content !== undefined) {
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(file, content, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { dir, file };
}

const serialize = (entries: unknown[], version = 1) => JSON.stringify({ version, entries }, undefined, "\t");
const a = rejection({ id: "aaaa0001", company: "Acme" });
const b = win({ id: "bbbb0002", title: "Finished the course" });
const mode = (path: string) => statSync(path).mode & 0o777;

describe("rejection-coach doctor", () => {
  it("says all is well for a healthy journal, and exits 0", async () => {
    const { dir } = home(serialize([a, b]));
    const result = await runInProcess(["doctor"], { dataDir: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2 entries, all valid");
    expect(result.stdout).toContain("the journal is private (0600)");
    expect(result.stdout).toContain("All good.");
    expect(result.stderr).toBe("");
  });

  it("exits 0 before the first entry, without creating anything", async () => {
    const { dir } = home();
    const result = await runInProcess(["doctor"], { dataDir: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("there is no journal yet");
    expect(() => statSync(dir)).toThrow();
  });

  it("reports a damaged journal: what can be saved, what cannot, one line on stderr, exit 1", async () => {
    const text = serialize([a, b]);
    const { dir, file } = home(text.slice(0, text.indexOf('"bbbb0002"') + 20));
    const result = await runInProcess(["doctor"], { dataDir: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("1 of 2 entries can be saved");
    expect(result.stdout).toMatch(/entry bbbb0002.*ends in the middle of it/);
    expect(result.stdout).toContain("Run 'rejection-coach doctor --repair'");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`${file}: is not valid JSON`);
  });

  it("--repair keeps a backup, saves every valid entry and says what it dropped and why", async () => {
    const original = serialize([a, { ...b, winKind: "lottery" }, rejection({ id: "cccc0003", mood: 99 })]);
    const { dir, file } = home(original);
    const result = await runInProcess(["doctor", "--repair"], { dataDir: dir });
    expect(result.code, result.stderr).toBe(0);
    const backups = readdirSync(dir).filter((name) => /^journal\.json\.backup-\d{8}-\d{6}$/.test(name));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), "utf8")).toBe(original);
    expect(mode(join(dir, backups[0]!))).toBe(0o600);
    expect(result.stdout).toContain(`Kept a copy of the original file: ${join(dir, backups[0]!)}`);
    expect(result.stdout).toContain("Saved 1 entry.");
    expect(result.stdout).toMatch(/entry bbbb0002 .*field `winKind`/);
    expect(result.stdout).toMatch(/entry cccc0003 .*field `mood` is 99; the highest it can be is 10/);
    expect(JSON.parse(readFileSync(file, "utf8")).entries).toEqual([a]);
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect((await runInProcess(["doctor"], { dataDir: dir })).code).toBe(0);
  });

  it("--repair sets an entry with a mood of 42 aside whole, says how to fix it, and import brings it back", async () => {
    const hurt = rejection({
      id: "eeee0005",
      company: "Globex",
      mood: 42 as never,
      reflection: {
        createdAt: "2026-11-03T10:00:00.000Z",
        mood: 4,
        answers: [],
        ratings: [],
        inControl: [],
        outOfControl: [],
        wentWell: "I prepared well",
      },
      checkins: [{ at: "2026-11-05T10:00:00.000Z", mood: 6 }],
      feedback: [{ receivedAt: "2026-11-04T10:00:00.000Z", text: "strong design round" }],
      actions: [{ id: "act00001", text: "ask for notes", createdAt: "2026-11-03T10:00:00.000Z" }],
    });
    const { dir, file } = home(serialize([a, hurt, { ...b, note: 7 }]));
    const before = await runInProcess(["doctor"], { dataDir: dir });
    expect(before.stdout).toMatch(/1 cannot be kept as they are; a repair moves them to a file to fix and import/);
    expect(before.stdout).toMatch(/1 can be kept without a field that is wrong:\n.*entry bbbb0002.*took out `note`/);

    const result = await runInProcess(["doctor", "--repair"], { dataDir: dir });
    expect(result.code, result.stderr).toBe(0);
    const [aside] = readdirSync(dir).filter((name) => /^journal\.json\.set-aside-\d{8}-\d{6}\.json$/.test(name));
    expect(aside).toBeDefined();
    const asidePath = join(dir, aside!);
    expect(mode(asidePath)).toBe(0o600);
    expect(JSON.parse(readFileSync(asidePath, "utf8"))).toEqual({ version: EXPORT_VERSION, entries: [hurt] });
    expect(result.stdout).toContain("Saved 2 entries.");
    expect(result.stdout).toContain(`in ${asidePath}:`);
    expect(result.stdout).toMatch(
      /entry eeee0005 \(Globex, 2026-11-02\): field `mood` is 42; the highest it can be is 10/,
    );
    expect(result.stdout).toContain(`then run: rejection-coach import ${asidePath}`);
    expect(result.stdout).not.toMatch(/Too big|Invalid input|expected number/);
    const { note: _dropped, ...bWithoutNote } = b;
    expect(JSON.parse(readFileSync(file, "utf8")).entries).toEqual([a, bWithoutNote]);

    const after = await runInProcess(["doctor"], { dataDir: dir });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`1 file(s) of entries set aside by a repair, newest ${asidePath}`);

    writeFileSync(asidePath, readFileSync(asidePath, "utf8").replace('"mood": 42', '"mood": 4'));
    const imported = await runInProcess(["import", asidePath], { dataDir: dir });
    expect(imported.code, imported.stderr).toBe(0);
    const back = JSON.parse(readFileSync(file, "utf8")).entries.find(
      (entry: { id: string }) => entry.id === "eeee0005",
    );
    expect(back).toEqual({ ...hurt, mood: 4 });
  });

  it("--repair on a healthy journal changes nothing", async () => {
    const text = serialize([a]);
    const { dir, file } = home(text);
    const result = await runInProcess(["doctor", "--repair"], { dataDir: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("nothing to repair");
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(storeFiles(dir)).toEqual(["journal.json"]);
  });

  it("--repair will not touch a journal from a newer version: it says to upgrade", async () => {
    const text = serialize([a], 5);
    const { dir, file } = home(text);
    const result = await runInProcess(["doctor", "--repair"], { dataDir: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/newer rejection-coach.*upgrade rejection-coach/);
    expect(result.stderr).not.toContain("--repair");
    expect(result.stdout).toContain("doctor --repair cannot fix this; nothing was changed.");
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(storeFiles(dir)).toEqual(["journal.json"]);
  });

  it("--json prints the findings as data", async () => {
    const { dir } = home("{");
    const result = await runInProcess(["doctor", "--json"], { dataDir: dir });
    expect(result.code).toBe(1);
    const diagnosis = JSON.parse(result.stdout);
    expect(diagnosis).toMatchObject({ state: "damaged", healthy: false, repairable: true });
    expect(diagnosis.checks.some((check: { severity: string }) => check.severity === "problem")).toBe(true);
    const repaired = await runInProcess(["doctor", "--repair", "--json"], { dataDir: dir });
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.stdout)).toMatchObject({ rewritten: true, kept: 0, backup: expect.any(String) });
  });

  it("shows text from a damaged file with its control sequences neutralised", async () => {
    const hostile = "Evil\u001b[2J\u001b]0;owned\u0007\u001b]8;;http://x.example\u0007link\u001b]8;;\u0007";
    const { dir } = home(serialize([{ ...a, id: "dddd0004", company: hostile, mood: 42 }]));
    for (const args of [["doctor"], ["doctor", "--repair"]]) {
      const result = await runInProcess(args, { dataDir: dir });
      expect(result.stdout).toContain("Evil^[[2J^[]0;owned\\x07");
      expect(result.stdout + result.stderr).not.toMatch(/[\u0007\u001b]/);
    }
  });
});
