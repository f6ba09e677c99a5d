import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, runCli, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { parseCalendar } from "../helpers/ical.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { PtySession } from "../helpers/pty.js";

/** `next --ics` from the built CLI: on a terminal, piped, and imported by a real calendar program (khal). */

let root: string;
let dataDir: string;
beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  await seedJournal(dataDir, [
    rejection({
      id: "aa000001",
      company: "Acme; Sons, \\ Co: Ltd\r\nBEGIN:VEVENT",
      date: "2026-11-27",
      mood: 2,
      actions: [
        { id: "s0000001", text: "Email Sam", createdAt: "2026-11-27T10:00:00.000Z", due: "2026-12-04" },
        { id: "s0000002", text: "Practise the case", createdAt: "2026-11-27T10:00:00.000Z", due: "2026-12-08" },
      ],
    }),
  ]);
});
afterEach(() => removeDir(root));

const run = (...args: string[]) => runCli(args, { dataDir });

describe("next --ics from the built CLI", () => {
  it("piped, stdout is the calendar and nothing else", () => {
    const { code, stdout, stderr } = run("next", "--ics");
    expect(code, stderr).toBe(0);
    expect(stderr).toBe("");
    expect(parseCalendar(stdout).events.map((event) => event.uid)).toEqual([
      "reflect-aa000001@rejection-coach",
      "checkin-aa000001@rejection-coach",
      "step-aa000001-s0000001@rejection-coach",
      "step-aa000001-s0000002@rejection-coach",
    ]);
  });

  it("on a terminal with --output, one line says where it went and how to import it", async () => {
    const file = join(root, "steps.ics");
    const session = new PtySession(["next", "--ics", "--output", file], { dataDir, cols: 400 });
    expect(await session.exited()).toBe(0);
    expect(session.output.trim()).toBe(
      `Wrote 4 events to ${file}: open it with your calendar app or use its Import (importing it again updates the same events)`,
    );
    expect(parseCalendar(readFileSync(file, "utf8")).events).toHaveLength(4);
  });
});

/** khal, a calendar program that keeps one file per event UID in a folder (a vdir), as CalDAV servers do. */
const khal = ((): string | undefined => {
  try {
    return execFileSync("sh", ["-c", "command -v khal"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

// .ci/run installs khal; elsewhere the test runs when khal is there.
describe.skipIf(!khal)("imported into khal", () => {
  let vdir: string;
  let config: string;
  beforeEach(() => {
    vdir = join(root, "calendar");
    mkdirSync(vdir);
    config = join(root, "khal.conf");
    writeFileSync(
      config,
      [
        "[calendars]",
        "[[coach]]",
        `path = ${vdir}`,
        "type = calendar",
        "[locale]",
        "default_timezone = UTC",
        "local_timezone = UTC",
        "[sqlite]",
        `path = ${join(root, "khal.db")}`,
      ].join("\n"),
    );
  });

  const importFile = (file: string) =>
    execFileSync(khal!, ["-c", config, "import", "--batch", "-a", "coach", file], { encoding: "utf8" });
  /** Every event in the calendar folder, by UID, with its summary and day as khal stored them. */
  const held = () =>
    readdirSync(vdir)
      .sort()
      .flatMap((name) => parseCalendar(readFileSync(join(vdir, name), "utf8")).events)
      .map(({ uid, summary, start }) => ({ uid, summary, start }));

  it("importing the same file twice leaves one copy of each event, with the text as typed", () => {
    const file = join(root, "steps.ics");
    expect(run("next", "--ics", "--output", file).code).toBe(0);
    importFile(file);
    importFile(file);
    const events = held();
    expect(events.map((event) => event.uid).sort()).toEqual([
      "checkin-aa000001@rejection-coach",
      "reflect-aa000001@rejection-coach",
      "step-aa000001-s0000001@rejection-coach",
      "step-aa000001-s0000002@rejection-coach",
    ]);
    expect(events.find((event) => event.uid.startsWith("reflect-"))!.summary).toBe(
      "Reflect on Acme; Sons, \\ Co: Ltd\nBEGIN:VEVENT",
    );
  });

  it("after a step is moved and another done, a re-import moves the one and keeps the other (import never deletes)", () => {
    const file = join(root, "steps.ics");
    expect(run("next", "--ics", "--output", file).code).toBe(0);
    importFile(file);
    expect(run("next", "edit", "s0000001", "--due", "2099-01-05").code).toBe(0);
    expect(run("next", "done", "s0000002").code).toBe(0);
    expect(run("next", "--ics", "--output", file).code).toBe(0);
    expect(parseCalendar(readFileSync(file, "utf8")).events.map((event) => event.uid)).not.toContain(
      "step-aa000001-s0000002@rejection-coach",
    );
    importFile(file);
    const events = held();
    expect(events).toHaveLength(4);
    expect(events.find((event) => event.uid === "step-aa000001-s0000001@rejection-coach")!.start).toBe("2099-01-05");
    expect(events.map((event) => event.uid)).toContain("step-aa000001-s0000002@rejection-coach");
  });
});
