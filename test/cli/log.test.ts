import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Entry, RejectionEntry, WinEntry } from "../../src/journal/entry.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection, win } from "../helpers/fixtures.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const run = (args: string[], input?: string) => runInProcess(args, { dataDir, input });
const journalFile = () => join(dataDir, "journal.json");
const entries = (): Entry[] => (JSON.parse(readFileSync(journalFile(), "utf8")) as { entries: Entry[] }).entries;
const REQUIRED = ["--company", "Acme", "--role", "Backend Engineer", "--stage", "interview", "--ended", "rejected"];
const logByFlags = (...extra: string[]) => run(["log", ...REQUIRED, "--mood", "4", ...extra]);
const idFromJson = (stdout: string) => (JSON.parse(stdout) as Entry).id;

describe("log by flags, without a terminal", () => {
  it("saves with every required flag, confirms on stderr and coaches on stdout", async () => {
    const result = await logByFlags("--reason", "skills", "--emotion", "disappointed", "--tag", "go,remote");
    expect(result.code).toBe(0);
    const [entry] = entries() as RejectionEntry[];
    expect(entry).toMatchObject({ company: "Acme", stage: "interview", reasons: ["skills"], tags: ["go", "remote"] });
    expect(result.stderr).toContain(`Saved ${entry!.id}`);
    expect(result.stderr).toContain(`rejection-coach reflect ${entry!.id}`);
    expect(result.stdout.match(/Try:/g)).toHaveLength(3);
    expect(result.stdout).not.toContain("\u001b[");
    expect(result.stdout).toContain("first one in your journal");
  });

  it("takes repeated --reason and --emotion flags", async () => {
    const result = await logByFlags(
      "--reason",
      "skills",
      "--reason",
      "interview",
      "--emotion",
      "sad",
      "--emotion",
      "numb",
    );
    expect(result.code).toBe(0);
    expect(entries()[0]).toMatchObject({ reasons: ["skills", "interview"], emotions: ["sad", "numb"] });
  });

  it("exits 2 naming every missing flag, and creates nothing", async () => {
    const result = await run(["log", "--company", "Acme", "--stage", "final"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--role");
    expect(result.stderr).toContain("--ended");
    expect(result.stderr).toContain("--mood");
    expect(result.stderr).not.toContain("--company");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    expect(existsSync(journalFile())).toBe(false);
  });

  it.each([
    [["--stage", "lunch"], "applied, screening, interview, assessment, final, offer"],
    [["--ended", "vanished"], "rejected, ghosted, role-closed"],
    [["--reason", "astrology"], "skills, interview, culture, competition, salary, internal, canceled, unknown"],
    [["--emotion", "elated"], "disappointed, frustrated, sad, angry, anxious, embarrassed, relieved, numb, motivated"],
    [["--mood", "11"], "1 (awful) to 10 (fine)"],
    [["--mood", "three"], "1 (awful) to 10 (fine)"],
    [["--date", "blurb"], "2026-11-20, yesterday or last friday"],
    [["--date", "next month"], "is in the future"],
    [["--date", "2026-02-30"], "is not a calendar date"],
  ])("exits 2 on a bad value (%s), saying what is allowed", async (bad, allowed) => {
    const result = await run(["log", ...REQUIRED, "--mood", "4", ...bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(allowed);
    expect(result.stdout).toBe("");
    expect(existsSync(journalFile())).toBe(false);
  });

  it("refuses the same company, role and day twice with one line and exit 1, unless --allow-duplicate", async () => {
    const first = idFromJson((await logByFlags("--date", "2026-11-10", "--json")).stdout);
    const again = await run(["log", "--company", " acme", "--role", "BACKEND engineer", "--stage", "applied", "--ended", "ghosted", "--mood", "5", "--date", "2026-11-10"]); // prettier-ignore
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split("\n")).toEqual([
      `rejection-coach: You already logged Backend Engineer at Acme on Tue 10 Nov${new Date().getFullYear() === 2026 ? "" : " 2026"} (id ${first}); nothing was saved. To log it again anyway, add --allow-duplicate`,
    ]);
    expect(entries()).toHaveLength(1);

    const allowed = await logByFlags("--date", "2026-11-10", "--allow-duplicate");
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain(`(id ${first}); saving this one as well`);
    expect((await logByFlags("--date", "2026-11-11")).code).toBe(0);
    expect(entries()).toHaveLength(3);
  });

  it("exits 2 on an empty --company", async () => {
    const result = await run(["log", ...REQUIRED, "--mood", "4", "--company", "  "]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--company cannot be empty");
  });

  it("--json prints only the saved entry on stdout", async () => {
    const result = await logByFlags("--json", "--date", "2026-01-05");
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as RejectionEntry;
    expect(printed).toEqual(entries()[0]);
    expect(printed).toMatchObject({ kind: "rejection", company: "Acme", mood: 4, date: "2026-01-05" });
    expect(result.stdout).not.toContain("Try:");
  });

  it("--note - reads the note from standard input", async () => {
    const result = await run(
      ["log", ...REQUIRED, "--mood", "4", "--note", "-"],
      'They said: "close call".\nSecond line 🙂\n',
    );
    expect(result.code).toBe(0);
    expect(entries()[0]!.note).toBe('They said: "close call".\nSecond line 🙂');
  });

  it("says something gentle after several low days in a row", async () => {
    for (const day of ["2026-01-01", "2026-01-02", "2026-01-03"]) {
      expect((await run(["log", ...REQUIRED, "--mood", "2", "--date", day])).code).toBe(0);
    }
    const result = await run(["log", ...REQUIRED, "--mood", "2", "--emotion", "sad"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Your mood was 3 or lower for \d of your last \d rejections/);
    expect(result.stdout).toContain("Get support from a professional");
    expect(result.stderr).toContain("Thank you for writing it down");
  });

  it("shows typed text back without terminal control sequences", async () => {
    const result = await run([
      "log",
      ...REQUIRED.slice(2),
      "--company",
      "Evil\u001b[31mCorp",
      "--role",
      "R",
      "--mood",
      "5",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("\u001b[31m");
    expect(result.stderr).toContain("Evil^[[31mCorp");
  });
});

describe("win", () => {
  it("saves a win from flags with a calm line of celebration", async () => {
    const result = await run(["win", "--kind", "interview", "--title", "First interview at Acme", "--company", "Acme"]);
    expect(result.code).toBe(0);
    const [entry] = entries() as WinEntry[];
    expect(entry).toMatchObject({
      kind: "win",
      winKind: "interview",
      title: "First interview at Acme",
      company: "Acme",
    });
    expect(result.stderr).toContain(`Saved ${entry!.id}`);
    expect(result.stdout).toContain("An interview secured.");
    expect(result.stdout).toContain("Your first win");
    expect(result.stdout).not.toContain("!");
  });

  it("--json prints only the saved win", async () => {
    const result = await run(["win", "--kind", "skill", "--title", "SQL course", "--tag", "learning", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(entries()[0]);
  });

  it("exits 2 naming missing flags and allowed kinds", async () => {
    const missing = await run(["win", "--company", "Acme"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--kind, --title");
    const bad = await run(["win", "--kind", "party", "--title", "x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("interview, feedback, application, skill, other");
    expect(existsSync(journalFile())).toBe(false);
  });
});

describe("edit", () => {
  const saveOne = async () =>
    idFromJson((await logByFlags("--json", "--note", "first note", "--emotion", "sad")).stdout);

  it("changes the given fields by flags and keeps the rest", async () => {
    const id = await saveOne();
    const before = entries()[0] as RejectionEntry;
    const result = await run([
      "edit",
      id.slice(0, 4),
      "--mood",
      "7",
      "--stage",
      "final",
      "--note",
      "",
      "--emotion",
      "relieved",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Updated ${id}`);
    const after = entries()[0] as RejectionEntry;
    expect(after).toMatchObject({ id, mood: 7, stage: "final", emotions: ["relieved"], company: "Acme" });
    expect(after.note).toBeUndefined();
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.updatedAt >= before.updatedAt).toBe(true);
  });

  it("--json prints the changed entry", async () => {
    const id = await saveOne();
    const result = await run(["edit", id, "--mood", "3", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(entries()[0]);
  });

  it("edits a win by its own flags, and refuses flags that are not for its kind", async () => {
    const id = idFromJson((await run(["win", "--kind", "feedback", "--title", "Kind words", "--json"])).stdout);
    expect((await run(["edit", id, "--title", "Very kind words", "--kind", "other"])).code).toBe(0);
    expect(entries()[0]).toMatchObject({ title: "Very kind words", winKind: "other" });
    const wrong = await run(["edit", id, "--stage", "final", "--mood", "3"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--stage, --mood are not for a win");
    const rejectionId = await saveOne();
    expect((await run(["edit", rejectionId, "--title", "x"])).code).toBe(2);
  });

  it("exits 1 on an unknown or ambiguous id, and 2 on bad values or nothing to change", async () => {
    writeFileSync(
      journalFile(),
      JSON.stringify({ version: 1, entries: [rejection({ id: "abcd1111" }), win({ id: "abcd2222" })] }),
    );
    const before = readFileSync(journalFile());
    const unknown = await run(["edit", "ffff", "--mood", "3"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no entry with id 'ffff'");
    const ambiguous = await run(["edit", "abcd", "--mood", "3"]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain("matches 2 entries");
    expect((await run(["edit", "abcd1", "--mood", "0"])).code).toBe(2);
    const nothing = await run(["edit", "abcd1"]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain("nothing to change");
    expect(readFileSync(journalFile()).equals(before)).toBe(true);
  });
});
