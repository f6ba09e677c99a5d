import { addDays } from "../../src/journal/dates.js";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { rejection, win } from "./fixtures.js";

/**
 * A small journal with every kind of detail the journal commands show, filter
 * and export: a reflection, check-ins, feedback, open and done actions, a win,
 * and text that needs escaping (quotes, commas, newlines, formulas, emoji, RTL,
 * a terminal escape sequence).
 */
export function fixtureEntries(): Entry[] {
  return [
    rejection({
      id: "a1000001",
      date: "2026-10-01",
      company: "Acme, Inc.",
      role: "Backend Engineer",
      stage: "screening",
      mood: 3,
      emotions: ["sad", "frustrated"],
      reasons: ["competition"],
      tags: ["Remote", "fintech"],
      reasonGiven: 'We chose someone "more senior".\nGood luck!',
      note: '=HYPERLINK("http://example.com","click")',
    }),
    rejection({
      id: "b2000002",
      date: "2026-11-05",
      createdAt: "2026-11-05T18:00:00.000Z",
      updatedAt: "2026-11-09T08:00:00.000Z",
      company: "Globex",
      role: "Platform Lead",
      stage: "final",
      ended: "ghosted",
      mood: 6,
      tags: ["remote"],
      contact: "Dana (recruiter)",
      reflection: {
        createdAt: "2026-11-07T09:00:00.000Z",
        mood: 7,
        answers: [
          { questionId: "went-well", question: "What went well?", answer: "The system design round.\nGood rapport." },
        ],
        ratings: [{ step: "prepare", label: "Preparation", rating: 4 }],
        inControl: ["interview"],
        outOfControl: ["internal"],
        thought: { thought: "I will never get hired", trap: "fortune telling", balanced: "I reached a final round" },
        fit: "partly",
        fitNote: "on-call heavy",
        wentWell: "Calm under pressure",
        change: "Prepare incident stories",
      },
      checkins: [{ at: "2026-11-08T10:00:00.000Z", mood: 7, note: "Went for a long walk" }],
      feedback: [{ receivedAt: "2026-11-09T08:00:00.000Z", text: "Strong on design, lighter on operations" }],
      actions: [
        { id: "ac000001", text: "Practise ops scenarios", createdAt: "2026-11-07T09:00:00.000Z", due: "2026-11-20" },
        {
          id: "ac000002",
          text: "Thank the panel",
          createdAt: "2026-11-07T09:00:00.000Z",
          doneAt: "2026-11-08T09:00:00.000Z",
        },
      ],
    }),
    win({
      id: "c3000003",
      date: "2026-11-10",
      title: "First interview at テスト 🎉",
      company: "Initech",
      tags: ["remote"],
    }),
    rejection({
      id: "d4000004",
      date: "2026-09-12",
      company: "שלום Ltd",
      role: "مهندس",
      stage: "applied",
      ended: "role-closed",
      mood: 5,
      note: "evil \u001b[31mred\u001b[0m text",
    }),
    rejection({
      id: "e5000005",
      date: "2026-11-05",
      createdAt: "2026-11-05T09:00:00.000Z",
      company: "Acme Labs",
      role: "SRE",
    }),
  ];
}

/** Writes the entries into a journal in `dir` the way the app does. */
export async function seedJournal(dir: string, entries: Entry[] = fixtureEntries()): Promise<JournalStore> {
  const store = new JournalStore(dir);
  await store.update((journal) => {
    journal.entries.push(...entries);
  });
  return store;
}

/**
 * A rejection with a reflection (two answers), two check-ins and two next steps,
 * for editing its parts. Steps are due far ahead, so the `next` numbers do not
 * depend on today's date.
 */
export const reflectedWithSteps = (): RejectionEntry =>
  rejection({
    id: "aa000001",
    stage: "interview",
    ended: "rejected",
    reflection: {
      createdAt: "2026-11-03T10:00:00.000Z",
      mood: 5,
      answers: [
        { questionId: "likely-questions", question: "Which questions did you expect?", answer: "The usual ones" },
        { questionId: "your-questions", question: "What did you ask them?", answer: "Two things" },
      ],
      ratings: [],
      inControl: [],
      outOfControl: [],
    },
    checkins: [
      { at: "2026-11-10T12:00:00.000Z", mood: 4, note: "still low" },
      { at: "2026-11-20T12:00:00.000Z", mood: 6 },
    ],
    actions: [
      { id: "st000001", text: "Practice two stories", createdAt: "2026-11-03T10:00:00.000Z", due: "2099-01-10" },
      { id: "st000002", text: "Ask Sam for a referral", createdAt: "2026-11-03T10:00:00.000Z", due: "2099-01-20" },
    ],
  });

/**
 * Two rejections with next steps around `today`: one undated, one due in ten
 * days, one overdue by two, and one already done.
 */
export function entriesWithSteps(today: string): RejectionEntry[] {
  const action = (id: string, text: string, due?: string) => ({
    id,
    text,
    createdAt: "2026-11-01T10:00:00.000Z",
    ...(due ? { due } : {}),
  });
  return [
    rejection({
      id: "acme0001",
      company: "Acme",
      role: "Backend Engineer",
      actions: [action("undated1", "Update LinkedIn"), action("later001", "Mock interview", addDays(today, 10))],
    }),
    rejection({
      id: "globex01",
      company: "Globex",
      role: "Data Analyst",
      actions: [
        action("late0001", "Send thank-you note", addDays(today, -2)),
        { ...action("gone0001", "Already done"), doneAt: "2026-11-02T10:00:00.000Z" },
      ],
    }),
  ];
}
