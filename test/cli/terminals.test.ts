import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

/** A locale whose character set is not UTF-8, whatever the machine running the tests has. */
const ASCII_LOCALE = { LANG: "C", LC_ALL: "", LC_CTYPE: "" };
const NON_ASCII = /[^\x00-\x7f]/;

const seed = async () => {
  // Two on the same day for the same role: said to be meant.
  const common = ["--company", "Initech", "--role", "Platform Engineer", "--ended", "rejected", "--allow-duplicate"];
  for (const [stage, mood] of [
    ["interview", "3"],
    ["final", "6"],
  ]) {
    expect((await runInProcess(["log", ...common, "--stage", stage!, "--mood", mood!], { dataDir })).code).toBe(0);
  }
  expect((await runInProcess(["win", "--kind", "interview", "--title", "Second round booked"], { dataDir })).code).toBe(
    0,
  );
};

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
