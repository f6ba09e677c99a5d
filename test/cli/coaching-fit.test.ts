import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, toDay } from "../../src/journal/dates.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const run = (args: string[]) => runInProcess(args, { dataDir });
const daysAgo = (days: number) => addDays(toDay(new Date()), -days);
const log = (date: string, ...extra: string[]) =>
  run([
    "log",
    "--company",
    "Acme",
    "--role",
    "Designer",
    "--stage",
    "interview",
    "--date",
    date,
    "--mood",
    "6",
    ...extra,
  ]);

describe("coaching that fits the day (built CLI)", () => {
  it("a rejection from three weeks ago is not spoken of as news from today", async () => {
    const result = await log(daysAgo(21), "--ended", "rejected", "--reason", "competition", "--emotion", "angry");
    expect(result.code).toBe(0);
    const all = `${result.stdout}\n${result.stderr}`;
    expect(all).not.toMatch(/in a day or two|day or two of hearing|request today/i);
    expect(result.stderr).toMatch(/When you are ready: rejection-coach reflect \w+/);
  });

  it("a rejection from today still suggests reflecting in a day or two", async () => {
    const result = await log(daysAgo(0), "--ended", "rejected");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/When you are ready, in a day or two: rejection-coach reflect/);
  });

  it("the request draft for a ghosting asks where things stand", async () => {
    const logged = await log(daysAgo(14), "--ended", "ghosted", "--json");
    const id = (JSON.parse(logged.stdout) as { id: string }).id;
    const draft = await run(["feedback", id, "--kind", "request", "--contact", "Sam", "--sender", "Alex"]);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/^Subject: Following up on my application for Designer/);
    expect(draft.stdout).not.toMatch(/considering me|stronger candidate/i);
  });
});
