import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, toDay } from "../../src/journal/dates.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, runCli, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const today = toDay(new Date());

describe("stats with a period says which counts are in it and which are totals", () => {
  it("five wins in the last two weeks of a journal with six are not '5 in all'", async () => {
    await new JournalStore(dataDir).update((journal) => {
      journal.entries.push(
        ...[1, 2, 3, 4, 5, 60].map((ago) =>
          win({ date: addDays(today, -ago), createdAt: `${addDays(today, -ago)}T12:00:00.000Z` }),
        ),
        rejection({ date: addDays(today, -3) }),
      );
    });
    const result = runCli(["stats", "--since", "2 weeks ago"], { dataDir });
    expect(result.code).toBe(0);
    const text = result.stdout.replace(/\s+/g, " ");
    expect(text).toMatch(/You logged 5 wins since \w{3} \d+ \w{3,4}( \d{4})?, 6 in the whole journal\./);
    expect(text).not.toContain("in all");
    expect(text).not.toContain("in the last 30 days");
  });
});
