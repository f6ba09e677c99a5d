import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { PtySession } from "../helpers/pty.js";
import { statsJournal } from "../helpers/stats-journal.js";

/** The stats dashboard as a terminal shows it, from the built CLI (the rest of stats runs in-process). */
const seeded = tempDir();
afterAll(() => removeDir(seeded));

beforeAll(async () => {
  await new JournalStore(seeded).update((journal) => {
    journal.entries.push(...statsJournal().entries);
  });
  // The dashboard alone is measured against the screen: the day's nudge would add its line above it.
  writeFileSync(join(seeded, "settings.json"), '{ "nudges": "off" }\n', { mode: 0o600 });
});

describe("stats in a terminal", () => {
  it("renders the dashboard in colour with what the journal shows", async () => {
    const session = new PtySession(["stats", "--until", "2026-11-20"], { dataDir: seeded, env: { NO_COLOR: "" } });
    await session.waitFor("What the journal shows");
    expect(await session.exited()).toBe(0);
    const screen = session.output;
    expect(screen).toContain("5 rejections and 3 wins");
    expect(screen).toMatch(/final\s+█+ 1/);
    expect(screen).toMatch(/Mood at log\s+[▁▂▃▄▅▆▇█]{5}/);
    expect(screen).toContain("3 weeks in a row");
    expect(session.rawOutput).toMatch(/\u001b\[[0-9;]*m/);
    // One screen: the dashboard fits in the 40 rows the session has.
    expect(screen.trimEnd().split("\n").length).toBeLessThanOrEqual(40);
  });
});
