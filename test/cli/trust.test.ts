import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Entry } from "../../src/journal/entry.js";
import type { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { storedJournal } from "../helpers/stored-journal.js";

let root: string;
let dataDir: string;
let store: JournalStore;

beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  store = await seedJournal(dataDir);
});
afterEach(() => removeDir(root));

const run = (...args: string[]) => runInProcess(args, { dataDir });
const listed = async (...args: string[]) =>
  (JSON.parse((await run("list", ...args, "--json")).stdout) as Entry[]).map((e) => e.id);

describe("next done", () => {
  it("marks and reports a step once when it is named twice, by number or by id", async () => {
    const twice = await run("next", "done", "1", "1");
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stderr.match(/Done: Practise ops scenarios/g)).toHaveLength(1);
    expect(twice.stderr).not.toContain("Already done");

    const again = await run("next", "done", "ac000001", "ac000001", "--json");
    expect(JSON.parse(again.stdout)).toHaveLength(1);
    const step = storedJournal(store.dir).entries.flatMap((e) => (e.kind === "rejection" ? e.actions : []));
    expect(step.find((a) => a.id === "ac000001")?.doneAt).toBeDefined();
  });
});

describe("repeatable flags", () => {
  it("list --tag takes commas as log does: remote,fintech is the same as --tag remote --tag fintech", async () => {
    expect(await listed("--tag", "remote", "--tag", "fintech")).toEqual(["a1000001"]);
    expect(await listed("--tag", "remote,fintech")).toEqual(["a1000001"]);
    expect(await listed("--tag", " remote , ")).toEqual(await listed("--tag", "remote"));
  });
});

describe("recovery dates", () => {
  it("a check-in can be dated (past days only, not before the rejection), and recovery counts from the rejection", async () => {
    const first = await run("reflect", "a1000001", "--mood", "4", "--json");
    expect(first.code, first.stderr).toBe(0);
    const checkin = await run("reflect", "a1000001", "--mood", "7", "--date", "2026-10-04", "--json");
    expect(checkin.code, checkin.stderr).toBe(0);
    const at = new Date(JSON.parse(checkin.stdout).checkin.at as string);
    expect([at.getFullYear(), at.getMonth() + 1, at.getDate()]).toEqual([2026, 10, 4]);

    const stats = JSON.parse((await run("stats", "--json")).stdout);
    const item = stats.recovery.items.find((i: { id: string }) => i.id === "a1000001");
    // The rejection is dated 2026-10-01 and typed in much later: three days to recover, not zero.
    expect(item).toMatchObject({ daysToRecover: 3 });

    for (const date of ["tomorrow", "2026-09-30"]) {
      const refused = await run("reflect", "a1000001", "--mood", "7", "--date", date);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      expect(refused.stderr).toContain("--date");
    }
    expect((await run("reflect", "e5000005", "--mood", "7", "--date", "yesterday")).stderr).toContain(
      "--date is for a check-in",
    );
  });
});

describe("list --stage", () => {
  it("means reached this stage, as its help says: a rejection at final is listed for interview", async () => {
    expect(await listed("--stage", "interview")).toEqual(["b2000002", "e5000005"]);
    const help = (await run("list", "--help")).stdout.replace(/\s+/g, " ");
    expect(help).toContain("reached this stage, ended there or later (interview includes final)");
  });
});

describe("show", () => {
  it("prints each next step's id, for next done, and lists them soonest due first, undated last", async () => {
    const dir = join(root, "steps");
    const step = (id: string, text: string, due?: string) => ({
      id,
      text,
      createdAt: "2026-11-02T10:00:00.000Z",
      ...(due ? { due } : {}),
    });
    await seedJournal(dir, [
      rejection({
        id: "f6000006",
        actions: [
          step("st000001", "No date yet"),
          step("st000002", "Later one", "2026-12-20"),
          step("st000003", "Sooner one", "2026-12-02"),
        ],
      }),
    ]);
    const out = (await runInProcess(["show", "f6000006"], { dataDir: dir })).stdout;
    const lines = out.split("\n").filter((line) => line.includes("[ ]"));
    expect(lines).toEqual([
      expect.stringMatching(/Sooner one \(due 2026-12-02\) · id st000003$/),
      expect.stringMatching(/Later one \(due 2026-12-20\) · id st000002$/),
      expect.stringMatching(/No date yet · id st000001$/),
    ]);
  });
});

describe("did you mean", () => {
  const oneLine = (result: { code: number | null; stderr: string }) => {
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    return result.stderr;
  };

  it("names the subcommand a mistyped one was meant to be, nested ones too, on one line", async () => {
    expect(oneLine(await run("next", "don", "1"))).toContain(
      "'don' is not a command of 'next' (did you mean 'next done'?)",
    );
    expect(oneLine(await run("nxt"))).toContain("unknown command 'nxt' (did you mean 'next'?)");
    expect(oneLine(await run("config", "sett", "name", "Sam"))).toContain("(did you mean 'config set'?)");
  });

  it("names the setting or strategy a mistyped id was meant to be", async () => {
    expect(oneLine(await run("config", "get", "nmae"))).toContain("unknown setting 'nmae' (did you mean 'name'?)");
    const tip = await run("tips", "ask-feedbak");
    expect(tip.code).toBe(1);
    expect(tip.stderr).toContain("no strategy with id 'ask-feedbak' (did you mean 'ask-feedback'?)");
    expect((await run("tips", "zzzzzzzz")).stderr).not.toContain("did you mean");
  });
});

describe("choice flags", () => {
  it("read their value in any case, and keep their choices in help", async () => {
    expect(await listed("--stage", "Interview")).toEqual(await listed("--stage", "interview"));
    expect(await listed("--kind", "WIN")).toEqual(["c3000003"]);
    const md = await run("export", "--format", "MD");
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toBe((await run("export", "--format", "md")).stdout);
    const logged = await run(
      ...["log", "--company", "Acme", "--role", "SRE", "--stage", "Final", "--ended", "Rejected", "--mood", "4"],
      ...["--reason", "Skills,Interview", "--emotion", "SAD", "--json"],
    );
    expect(logged.code, logged.stderr).toBe(0);
    expect(JSON.parse(logged.stdout)).toMatchObject({
      stage: "final",
      ended: "rejected",
      reasons: ["skills", "interview"],
      emotions: ["sad"],
    });
    expect((await run("list", "--help")).stdout).toContain('"interview"');
    expect((await run("list", "--stage", "Lunch")).stderr).toContain("Allowed choices are applied, screening");
  });
});
