import type { Entry } from "../../src/journal/entry.js";
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
