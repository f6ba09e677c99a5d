import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Entry } from "../../src/journal/entry.js";
import { removeDir, runCli, tempDir } from "../helpers/cli.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const US = { LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8" };
const UK = { LC_ALL: "en_GB.UTF-8", LANG: "en_GB.UTF-8" };
const run = (args: string[], env: NodeJS.ProcessEnv = US) => runCli(args, { dataDir, env });
const journalFile = () => join(dataDir, "journal.json");
const REQUIRED = [
  "--company",
  "Acme",
  "--role",
  "Analyst",
  "--stage",
  "interview",
  "--ended",
  "rejected",
  "--mood",
  "5",
];
const logOn = (date: string, env: NodeJS.ProcessEnv = US) => run(["log", ...REQUIRED, "--date", date, "--json"], env);

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
/**
 * A day some days from the real today, as the CLI will see it, written several
 * ways. Three days or more away, so a run across midnight keeps it on the same side.
 */
function dayFromToday(days: number) {
  const date = new Date();
  date.setHours(12, 0, 0, 0);
  date.setDate(date.getDate() + days);
  const [year, month, day] = [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    iso: `${year}-${two(month)}-${two(day)}`,
    words: `${day} ${MONTHS[month - 1]} ${year}`,
    monthFirst: `${MONTHS[month - 1]} ${day} ${year}`,
    mdy: `${two(month)}/${two(day)}/${year}`,
  };
}

describe("a date given as a flag", () => {
  it.each(["iso", "words", "monthFirst", "mdy"] as const)(
    "refuses a day three days ahead written as %s, and saves nothing",
    (form) => {
      const ahead = dayFromToday(3);
      const result = logOn(ahead[form]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${ahead.iso} is in the future; the date you heard must be today or earlier`);
      expect(existsSync(journalFile())).toBe(false);
    },
  );

  it("saves a day written in words as that very day", () => {
    const before = dayFromToday(-3);
    const result = logOn(before.monthFirst);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Entry).date).toBe(before.iso);
  });

  it("reads an ambiguous numeric date in the locale's order and says which day it took", () => {
    const uk = logOn("03/02/2025", UK);
    expect(uk.code).toBe(0);
    expect((JSON.parse(uk.stdout) as Entry).date).toBe("2025-02-03");
    expect(uk.stderr).toContain("Read 03/02/2025 as Monday 3 February 2025");

    const us = logOn("03/02/2025", US);
    expect((JSON.parse(us.stdout) as Entry).date).toBe("2025-03-02");
    expect(us.stderr).toContain("Read 03/02/2025 as Sunday 2 March 2025");
  });

  it("reads a numeric date that is a real day only one way as that day, without asking to confirm", () => {
    const result = logOn("13/02/2025", US);
    expect((JSON.parse(result.stdout) as Entry).date).toBe("2025-02-13");
    expect(result.stderr).not.toContain("Read ");
  });
});

describe("the dateOrder setting", () => {
  it("reads numeric dates in the set order over the locale's, with no need to confirm", () => {
    expect(run(["config", "set", "dateOrder", "DMY"]).code).toBe(0);
    expect(run(["config", "get", "dateOrder"]).stdout.trim()).toBe("dmy");
    const result = logOn("03/02/2025", US);
    expect((JSON.parse(result.stdout) as Entry).date).toBe("2025-02-03");
    expect(result.stderr).not.toContain("Read ");
  });

  it("refuses an order it does not know, saying which ones it takes", () => {
    const result = run(["config", "set", "dateOrder", "ymd"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "dateOrder must be mdy (12/01/2026 is December 1) or dmy (01/12/2026 is 1 December)",
    );
  });
});

describe("--since and --until", () => {
  it("start on the very day named, and refuse a day ahead instead of moving it", () => {
    const [older, newer] = [dayFromToday(-6), dayFromToday(-3)];
    expect(logOn(older.iso).code).toBe(0);
    expect(logOn(newer.iso).code).toBe(0);

    const listed = run(["list", "--since", newer.words, "--json"]);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as Entry[]).map((entry) => entry.date)).toEqual([newer.iso]);

    const ahead = dayFromToday(3);
    const refused = run(["list", "--since", ahead.monthFirst]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--since: ${ahead.iso} is in the future`);
  });
});
