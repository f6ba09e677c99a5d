import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import type { Entry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, storeFiles, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { EMAIL_OFFER, KEY, NO_EMAIL, PtySession } from "../helpers/pty.js";

/**
 * Ctrl+C at the first, a middle and the last prompt of `log` and `reflect`, in a real pseudo-terminal:
 * exit 130, one line "Stopped. Nothing was saved.", and the journal byte for
 * byte as it was (or, when there was none, still none).
 *
 * Each row walks the flow up to one prompt, answering the ones before it. Every
 * wait is for the exact prompt text as Inquirer renders it ("? " first), drawn
 * after the previous prompt was done (PtySession.answer), so no key is typed
 * before the prompt listens, however fast the machine is. The rows run a few at a time.
 */

const STOPPED = "Stopped. Nothing was saved.";
const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));

/** A prompt to wait for, and the keys that answer it on the way to a later one. */
type Step = [prompt: string, keys: string];

/** The whole of `log`, for a rejection that ended with a no (so the reason is asked). */
const LOG_STEPS: Step[] = [
  [`? ${EMAIL_OFFER}`, NO_EMAIL],
  ["? Which company was it?", "Acme"],
  ["? What was the role?", "Analyst"],
  ["? How far did it get?", KEY.down.repeat(2)],
  ["? How did it end?", ""],
  ["? When did you hear?", "yesterday"],
  ["? Did they give a reason?", "We went another way"],
  ["? What do you think played a part?", KEY.space],
  ["? How are you feeling about it right now?", "6"],
  ["? Which of these words fit how you feel?", KEY.space],
  ["? Any tags?", "remote"],
  ["? Anything else you want to remember about it?", "A kind panel"],
  ["? Does this look right?", ""],
];

/**
 * The whole of a first reflection on an application-stage rejection, from
 * choosing which one (two are waiting) to the last "Another" next step.
 */
const REFLECT_STEPS: Step[] = [
  ["? Which one would you like to reflect on?", ""],
  ["? Now that a little time has passed, how are you feeling", "6"],
  ["? Which would you like to think through?", KEY.space],
  ["? How many of the must-have requirements", "Most of them"],
  ["? Preparation and research (1-5)", "4"],
  ["? CV and cover letter (1-5)", ""],
  ["? Here are the reasons that may have played a part", KEY.space],
  ["? What is the thought about this that keeps coming back to you?", "Nobody wants me"],
  ["? Does that thought look like one of these thinking traps?", KEY.down],
  ["? How might a fair-minded friend put it?", "One team said no once"],
  ["? Looking back, did this role really suit your values", KEY.down],
  ["? Anything to add about the fit?", "Long commute"],
  ["? What went well this time that you would like to do again?", "A tailored summary"],
  ["? What is the one thing you will do differently next time?", "Ask for a referral"],
  ["? A next step (Enter to finish)", "Email Sam"],
  ["? By when?", "tomorrow"],
  ["? Another (Enter to finish)", ""],
  ["? Does this look right?", ""],
];

/** Reflecting again on one that has a reflection: the check-in. */
const CHECKIN_STEPS: Step[] = [
  ["? Now that a little time has passed, how are you feeling", "7"],
  ["? It has been a little while since this one.", "Two new interviews"],
  ["? Have you done any of these?", KEY.space],
  ["? A next step (Enter to finish)", ""],
  ["? Does this look right?", ""],
];

const waiting = (): Entry[] => [
  rejection({ id: "appl0001", company: "Globex", stage: "applied", reasons: ["skills"], date: "2026-11-10" }),
  rejection({ id: "appl0002", company: "Hooli", stage: "applied", date: "2026-11-01" }),
];

const reflected = (): Entry[] => [
  rejection({
    id: "done0001",
    mood: 3,
    reflection: {
      createdAt: "2026-11-03T10:00:00.000Z",
      mood: 4,
      answers: [],
      ratings: [],
      inControl: [],
      outOfControl: [],
    },
    actions: [{ id: "ac000001", text: "Mock interview", createdAt: "2026-11-03T10:00:00.000Z" }],
  }),
];

/** A data folder, with a journal holding `entries` unless they are undefined. */
async function home(entries: Entry[] | undefined): Promise<{ dir: string; store: JournalStore }> {
  const root = tempDir();
  roots.push(root);
  const dir = join(root, "home");
  const store = new JournalStore(dir);
  if (entries) {
    await store.update((journal) => {
      journal.entries.push(...entries);
    });
  }
  return { dir, store };
}

interface Row {
  name: string;
  args: string[];
  steps: Step[];
  at: number;
  entries?: () => Entry[];
  /** How to stop: the Ctrl+C key as a terminal sends it, or a SIGINT signal sent to the process. */
  stop?: "key" | "signal";
}

/** Ctrl+C at the first prompt of a flow, one in the middle and the last (or at those `at` asks for). */
const rows = (
  flow: string,
  args: string[],
  steps: Step[],
  entries: (() => Entry[]) | undefined,
  label = "",
  at = [0, Math.floor(steps.length / 2), steps.length - 1],
): Row[] =>
  at.map((index) => ({
    name: `${flow}${label}: Ctrl+C at "${steps[index]![0].slice(2)}"`,
    args,
    steps,
    at: index,
    entries,
  }));

const ROWS: Row[] = [
  ...rows("log", ["log"], LOG_STEPS, () => [rejection({ id: "aaaa0001" })]),
  ...rows("log", ["log"], LOG_STEPS, undefined, " (no journal yet)", [LOG_STEPS.length - 1]),
  ...rows("reflect", ["reflect"], REFLECT_STEPS, waiting),
  ...rows("reflect (a check-in)", ["reflect", "done0001"], CHECKIN_STEPS, reflected),
  {
    name: 'win (no journal yet): Ctrl+C at "What kind of win?"',
    args: ["win"],
    steps: [["? What kind of win?", ""]],
    at: 0,
  },
  {
    name: 'win: Ctrl+C at "Does this look right?"',
    args: ["win", "--kind", "skill", "--date", "today", "--tag", "sql"],
    steps: [
      ["? In a few words, what happened?", "Finished the course"],
      ["? Which company, if any?", ""],
      ["? Anything to add?", ""],
      ["? Does this look right?", ""],
    ],
    at: 3,
    entries: waiting,
  },
  {
    name: 'feedback: Ctrl+C at "Who is it to?"',
    args: ["feedback", "appl0001"],
    steps: [
      ["? Which draft would you like?", ""],
      ["? Who is it to?", ""],
    ],
    at: 1,
    entries: waiting,
  },
  {
    name: 'log (no journal yet): a SIGINT signal at "How are you feeling about it right now?"',
    args: ["log"],
    steps: LOG_STEPS,
    at: 8,
    stop: "signal",
  },
  {
    name: 'reflect: a SIGINT signal at "Which would you like to think through?"',
    args: ["reflect"],
    steps: REFLECT_STEPS,
    at: 2,
    entries: waiting,
    stop: "signal",
  },
];

describe.concurrent("Ctrl+C at a prompt", () => {
  it.for(ROWS)("$name: exit 130, one line, nothing saved", async (row, { expect }) => {
    const { dir, store } = await home(row.entries?.());
    const before = store.readRaw();
    const session = new PtySession(row.args, { dataDir: dir });
    for (const [prompt, keys] of row.steps.slice(0, row.at)) {
      await session.answer(prompt, keys);
      // The next wait sees only what comes after this answer.
      session.clear();
    }
    const [prompt] = row.steps[row.at]!;
    await session.waitForPrompt(prompt);
    if (row.stop === "signal") process.kill(session.process.pid, "SIGINT");
    else session.type(KEY.ctrlC);

    expect(await session.exited(), session.output).toBe(130);
    const lines = session.output.split(/\r?\n/).map((line) => line.trim());
    expect(
      lines.filter((line) => line.includes("Nothing was saved")),
      session.output,
    ).toEqual([STOPPED]);
    expect(session.output).not.toMatch(/Saved|Check-in saved|unexpected error/);
    if (before === undefined) {
      expect(existsSync(store.file), "no journal file was created").toBe(false);
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    } else {
      expect(readFileSync(store.file).equals(before), "the journal is byte-identical").toBe(true);
      expect(storeFiles(dir)).toEqual(["journal.json"]);
    }
  });
});
