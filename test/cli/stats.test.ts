import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toDay } from "../../src/journal/dates.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir, type CliResult } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";
import { action, at, statsJournal } from "../helpers/stats-journal.js";

const seeded = tempDir();
const empty = tempDir();
const hostile = tempDir();
afterAll(() => [seeded, empty, hostile].forEach(removeDir));

/** A company name and an action that try to retitle the terminal and recolour it. */
const EVIL = "Evil\u001b]0;pwned\u0007Corp\u001b[31m";

beforeAll(async () => {
  await new JournalStore(seeded).update((journal) => {
    journal.entries.push(...statsJournal().entries);
  });
  await new JournalStore(hostile).update((journal) => {
    journal.entries.push(
      rejection({
        date: "2026-11-02",
        company: EVIL,
        actions: [action("a9zz", `Write back\u001b[2J${EVIL}`, { due: "2026-11-05", createdAt: at("2026-11-02") })],
      }),
    );
  });
});

/** Every key path of a JSON value (array items by their first element), to pin its shape. */
function shape(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.length ? shape(value[0], `${path}[]`) : [`${path}[]`];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => [`${path}.${key}`, ...shape(inner, `${path}.${key}`)]);
  }
  return [];
}

describe("stats --json", () => {
  // --until pins the day the streak and the weeks end on; today only decides what is overdue.
  let result: CliResult;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed JSON is checked field by field
  let stats: any;
  beforeAll(async () => {
    result = await runInProcess(["stats", "--json", "--until", "2026-11-20"], { dataDir: seeded });
    stats = JSON.parse(result.stdout);
  });

  it("prints only JSON on stdout and nothing on stderr", () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim().startsWith("{")).toBe(true);
  });

  it("keeps a stable, documented shape", () => {
    expect(shape(stats)).toEqual([
      ".version",
      ".range", ".range.since", ".range.until", ".range.today", ".range.first", ".range.last",
      ".totals", ".totals.rejections", ".totals.wins",
      ".funnel", ".funnel.stages", ".funnel.stages[].stage", ".funnel.stages[].count", ".funnel.furthest",
      ".funnel.byMonth", ".funnel.byMonth[].month", ".funnel.byMonth[].rejections", ".funnel.byMonth[].furthest",
      ".funnel.byMonth[].averageRank",
      ".endings", ".endings[].ending", ".endings[].count",
      ".reasons", ".reasons[].reason", ".reasons[].count",
      ".activity", ".activity.unit", ".activity.periods", ".activity.periods[].period", ".activity.periods[].start",
      ".activity.periods[].rejections", ".activity.periods[].wins",
      ".mood", ".mood.average", ".mood.latest", ".mood.points", ".mood.points[].date", ".mood.points[].id",
      ".mood.points[].mood",
      ".recovery", ".recovery.threshold", ".recovery.lowAtLog", ".recovery.recovered", ".recovery.medianDays",
      ".recovery.averageChange", ".recovery.items", ".recovery.items[].id", ".recovery.items[].date",
      ".recovery.items[].logMood", ".recovery.items[].laterMood", ".recovery.items[].change",
      ".recovery.items[].daysToRecover",
      ".wins", ".wins.count", ".wins.byKind", ".wins.byKind[].kind", ".wins.byKind[].count", ".wins.streakWeeks",
      ".reflections", ".reflections.done", ".reflections.pending",
      ".actions", ".actions.open", ".actions.overdue", ".actions.done", ".actions.items", ".actions.items[].entryId",
      ".actions.items[].company", ".actions.items[].id", ".actions.items[].text", ".actions.items[].due",
      ".actions.items[].overdue",
    ]); // prettier-ignore
  });

  it("has the figures worked out by hand for the seeded journal", () => {
    expect(stats.version).toBe(1);
    expect(stats.range).toMatchObject({ since: null, until: "2026-11-20", first: "2026-09-02", last: "2026-11-19" });
    expect(stats.range.today).toBe(toDay(new Date()));
    expect(stats.totals).toEqual({ rejections: 5, wins: 3 });
    expect(stats.funnel.stages.map((s: { count: number }) => s.count)).toEqual([1, 1, 2, 0, 1, 0]);
    expect(stats.endings[0]).toEqual({ ending: "rejected", count: 3 });
    expect(stats.reasons[0]).toEqual({ reason: "competition", count: 3 });
    expect(stats.activity.unit).toBe("week");
    expect(stats.activity.periods).toHaveLength(12);
    expect(stats.mood).toMatchObject({ average: 4.2, latest: 5 });
    expect(stats.recovery).toMatchObject({ lowAtLog: 4, recovered: 2, medianDays: 4, averageChange: 2.7 });
    expect(stats.wins).toMatchObject({ count: 3, streakWeeks: 3 });
    expect(stats.reflections).toEqual({ done: 1, pending: 4 });
    const today = toDay(new Date());
    const overdue = ["2026-11-10", "2026-11-25"].filter((due) => due < today).length;
    expect(stats.actions).toMatchObject({ open: 3, done: 1, overdue });
  });

  it("filters by --since and --until, both ends included", async () => {
    const since = JSON.parse(
      (await runInProcess(["stats", "--json", "--since", "2026-10-10"], { dataDir: seeded })).stdout,
    );
    expect(since.totals).toEqual({ rejections: 3, wins: 3 });
    expect(since.range.since).toBe("2026-10-10");
    const window = await runInProcess(["stats", "--json", "--since", "2026-09-20", "--until", "2026-10-14"], {
      dataDir: seeded,
    });
    expect(JSON.parse(window.stdout).totals).toEqual({ rejections: 2, wins: 1 });
  });

  it("gives zeros for an empty journal, and creates no files", async () => {
    const result = await runInProcess(["stats", "--json"], { dataDir: empty });
    expect(result.code).toBe(0);
    const figures = JSON.parse(result.stdout);
    expect(figures.totals).toEqual({ rejections: 0, wins: 0 });
    expect(figures.recovery.medianDays).toBeNull();
    expect(shape(figures).filter((key) => !key.includes("[]"))).toEqual(
      shape(stats).filter((key) => !key.includes("[]")),
    );
  });
});

describe("stats, plain", () => {
  it("piped: the dashboard as plain text without a single ESC byte", async () => {
    const result = await runInProcess(["stats", "--until", "2026-11-20"], { dataDir: seeded });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("\u001b");
    for (const heading of ["How far they got", "How they ended", "Per week", "Mood at log", "Recovery", "Wins"]) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toContain("back to 6 or more in a median of 4 days");
    expect(result.stdout).toContain("Ask Dana for feedback (Dune,");
  });

  it("neutralises control characters in company names and actions", async () => {
    const result = await runInProcess(["stats"], { dataDir: hostile });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Evil^[]0;pwned\\x07Corp^[[31m");
    expect(result.stdout).not.toContain("\u001b]0;");
    expect(result.stdout).not.toContain("\u001b[2J");
    expect(result.stdout).not.toContain("\u0007");
  });

  it("an empty journal gets a friendly word on stderr and exit 0", async () => {
    const result = await runInProcess(["stats"], { dataDir: empty });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Nothing logged yet");
    expect(result.stderr).toContain("rejection-coach log");
  });

  it("a range with nothing in it says so, exit 0", async () => {
    const result = await runInProcess(["stats", "--until", "2020-01-01"], { dataDir: seeded });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Nothing logged up to Wed 1 Jan 2020");
  });
});

describe("stats, bad input", () => {
  it.each([
    [["--since", "nonsense"], "--since: cannot read 'nonsense'"],
    [["--until", "2026-02-30"], "--until: '2026-02-30' is not a calendar date"],
    [["--since", "2026-11-01", "--until", "2026-10-01"], "is after --until"],
    [["--since", "2999-01-01"], "in the future"],
  ])("stats %j exits 2 with one line naming the flag", async (args, message) => {
    const result = await runInProcess(["stats", ...args], { dataDir: seeded });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it("--help shows examples", async () => {
    const result = await runInProcess(["stats", "--help"], { dataDir: seeded });
    expect(result.stdout).toContain("rejection-coach stats --since 2026-09-01 --until 2026-09-30");
    expect(result.stdout).toContain("--json");
  });
});
