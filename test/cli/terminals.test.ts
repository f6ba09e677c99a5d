import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { logInitechSearch } from "../helpers/initech-search.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

/** A locale whose character set is not UTF-8, whatever the machine running the tests has. */
const ASCII_LOCALE = { LANG: "C", LC_ALL: "", LC_CTYPE: "" };
const NON_ASCII = /[^\x00-\x7f]/;

const seed = () => logInitechSearch(dataDir);

describe("a non-UTF-8 locale (LANG=C)", () => {
  it("draws stats, list and the coaching cards in ASCII", async () => {
    await seed();
    const stats = await runInProcess(["stats"], { dataDir, env: ASCII_LOCALE });
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/#/);
    expect(stats.stdout).not.toMatch(NON_ASCII);
    const card = await runInProcess(
      ["log", "--company", "Acme", "--role", "Dev", "--stage", "applied", "--ended", "ghosted", "--mood", "5"],
      { dataDir, env: ASCII_LOCALE },
    );
    expect(card.code).toBe(0);
    expect(card.stdout + card.stderr).toMatch(/^\| /m);
    expect(card.stdout + card.stderr).not.toMatch(NON_ASCII);
    // The same journal in a UTF-8 locale keeps the Unicode charts.
    expect((await runInProcess(["stats"], { dataDir, env: { LANG: "en_US.UTF-8", LC_ALL: "" } })).stdout).toMatch(/█/);
  });
});
