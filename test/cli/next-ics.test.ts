import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";
import { importInto, parseCalendar, type ParsedEvent } from "../helpers/ical.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { runInProcess } from "../helpers/run-in-process.js";

/** `next --ics`: flags, where the calendar goes, what it holds, and what importing it again does. */

let root: string;
let dataDir: string;
beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  await seedJournal(dataDir, [
    rejection({
      id: "aa000001",
      company: "Acme",
      role: "Backend Engineer",
      date: "2026-11-27",
      mood: 2,
      actions: [
        { id: "s0000001", text: "Email Sam, then rest", createdAt: "2026-11-27T10:00:00.000Z", due: "2026-12-04" },
        { id: "s0000002", text: "Update the CV", createdAt: "2026-11-27T10:00:00.000Z" },
      ],
    }),
    win({
      id: "bb000002",
      title: "Interview at Initech",
      actions: [
        { id: "s0000003", text: "Prepare two stories", createdAt: "2026-11-28T10:00:00.000Z", due: "2026-12-07" },
      ],
    }),
  ]);
});
afterEach(() => removeDir(root));

const run = (...args: string[]) => runInProcess(args, { dataDir });
const uids = (text: string) => parseCalendar(text).events.map((event) => event.uid);

describe("next --ics", () => {
  it("writes only the calendar to a piped stdout: steps with a day, a reflection and a check-in", async () => {
    const { code, stdout, stderr } = await run("next", "--ics");
    expect(code, stderr).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    const events = parseCalendar(stdout).events;
    expect(events.map(({ uid, start, summary }) => ({ uid, start, summary }))).toEqual([
      { uid: "reflect-aa000001@rejection-coach", start: "2026-11-29", summary: "Reflect on Acme" },
      { uid: "checkin-aa000001@rejection-coach", start: "2026-11-30", summary: "How are you now?" },
      { uid: "step-aa000001-s0000001@rejection-coach", start: "2026-12-04", summary: "Email Sam, then rest" },
      { uid: "step-bb000002-s0000003@rejection-coach", start: "2026-12-07", summary: "Prepare two stories" },
    ]);
    expect(events.every((event) => event.allDay && event.alarms.length === 1)).toBe(true);
  });

  it("refuses --json with --ics, --output without --ics, and the calendar flags on a subcommand (exit 2)", async () => {
    const both = await run("next", "--ics", "--json");
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/'--ics' cannot be used with option '--json'/);
    const output = await run("next", "--output", join(root, "steps.ics"));
    expect(output.code).toBe(2);
    expect(output.stderr).toMatch(/--output writes the calendar file; use it with --ics/);
    const done = await run("next", "done", "s0000001", "--ics");
    expect(done.code).toBe(2);
    expect(done.stderr).toMatch(/go with 'next' on its own, not with 'next done'/);
    for (const result of [both, output, done]) expect(result.stdout).toBe("");
    expect(existsSync(join(root, "steps.ics"))).toBe(false);
    // The refused `next done` changed nothing: the step is still in the calendar.
    expect(uids((await run("next", "--ics")).stdout)).toContain("step-aa000001-s0000001@rejection-coach");
  });

  it("--output writes the file (private, mode 0600), says where, and prints nothing on stdout", async () => {
    const file = join(root, "steps.ics");
    const { code, stdout, stderr } = await run("next", "--ics", "--output", file);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toBe(`Wrote 4 events to ${file}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(uids(readFileSync(file, "utf8"))).toHaveLength(4);
    // Replaced whole on the next run, with no temporary copy left beside it.
    expect((await run("next", "--ics", "-o", file)).code).toBe(0);
    expect(readdirSync(root).sort()).toEqual(["home", "steps.ics"]);
  });

  it("--output onto the journal's own files is refused and touches nothing", async () => {
    const journalFile = join(dataDir, "journal.json");
    const before = readFileSync(journalFile);
    const { code, stderr } = await run("next", "--ics", "--output", journalFile);
    expect(code).toBe(2);
    expect(stderr).toMatch(/that is one of the journal's own files/);
    expect(readFileSync(journalFile)).toEqual(before);
  });

  it("with nothing to schedule, still writes a valid empty calendar and says so on stderr", async () => {
    const empty = join(root, "empty");
    await seedJournal(empty, []);
    const { code, stdout, stderr } = await runInProcess(["next", "--ics"], { dataDir: empty });
    expect(code).toBe(0);
    expect(parseCalendar(stdout)).toEqual({ components: [], events: [] });
    expect(stderr).toMatch(/^Nothing to schedule: no open step has a due date/);
  });
});

describe("importing the calendar again", () => {
  it("twice, the same file: the same events, not twice as many", async () => {
    const text = (await run("next", "--ics")).stdout;
    const calendar = importInto(importInto(new Map<string, ParsedEvent>(), text), text);
    expect(calendar.size).toBe(4);
  });

  it("after a step is marked done, the new file leaves it out; a calendar keeps what it imported before", async () => {
    const first = (await run("next", "--ics")).stdout;
    expect((await run("next", "done", "s0000001")).code).toBe(0);
    const second = (await run("next", "--ics")).stdout;
    expect(uids(second)).not.toContain("step-aa000001-s0000001@rejection-coach");
    expect(uids(second)).toHaveLength(3);
    // Importing never deletes: the done step's event stays until the person removes it (README says so).
    const calendar = importInto(importInto(new Map<string, ParsedEvent>(), first), second);
    expect([...calendar.keys()]).toContain("step-aa000001-s0000001@rejection-coach");
    expect(calendar.size).toBe(4);
  });

  it("a step whose day moved is the same event on its new day, with a higher sequence", async () => {
    const first = (await run("next", "--ics")).stdout;
    expect((await run("next", "edit", "s0000001", "--due", "2099-01-05")).code).toBe(0);
    const calendar = importInto(importInto(new Map<string, ParsedEvent>(), first), (await run("next", "--ics")).stdout);
    expect(calendar.size).toBe(4);
    expect(calendar.get("step-aa000001-s0000001@rejection-coach")!.start).toBe("2099-01-05");
  });
});
