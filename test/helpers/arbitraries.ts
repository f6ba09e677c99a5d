import fc from "fast-check";
import type { Entry, RejectionEntry, WinEntry } from "../../src/journal/entry.js";
import { EMOTIONS, ENDINGS, FIT_ANSWERS, REASONS, STAGES, WIN_KINDS } from "../../src/journal/vocabulary.js";

/** Pieces that break naive exporters: line ends, quotes, separators, emoji, RTL, YAML and Markdown syntax, escapes. */
const AWKWARD = [
  "\n",
  "\r\n",
  "\r",
  '"',
  "'",
  ",",
  ";",
  "\t",
  "\\",
  "🎉",
  "👩🏽‍💻",
  "שלום",
  "مرحبا",
  "\u202e",
  "\u200b",
  "=",
  "+",
  "-",
  "@",
  "---",
  ": ",
  "# ",
  "- [ ] ",
  "\u0000",
  "\u001b[31m",
  "\u0085",
  "null",
  "yes",
  "0x1F",
  "2026-11-02",
] as const;

const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
);

/** Any text a person might type, and much they would not. */
export const text = (minLength = 0) => fc.string({ unit, minLength, maxLength: 12 });

const instant = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T23:59:59Z"), noInvalidDate: true })
  .map((date) => date.toISOString());
const day = instant.map((at) => at.slice(0, 10));
const id = fc.stringMatching(/^[0-9a-z]{4,16}$/);
const mood = fc.integer({ min: 1, max: 10 });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const subset = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: 3 });

const reflection = fc.record(
  {
    createdAt: instant,
    mood,
    answers: fc.array(fc.record({ questionId: text(), question: text(), answer: text() }), { maxLength: 2 }),
    ratings: fc.array(fc.record({ step: text(), label: text(), rating: fc.integer({ min: 1, max: 5 }) }), {
      maxLength: 2,
    }),
    inControl: subset(REASONS),
    outOfControl: subset(REASONS),
    thought: fc.record({ thought: text(), trap: text(), balanced: text() }, { requiredKeys: ["thought"] }),
    fit: fc.constantFrom(...FIT_ANSWERS),
    fitNote: text(),
    wentWell: text(),
    change: text(),
  },
  { requiredKeys: ["createdAt", "mood", "answers", "ratings", "inControl", "outOfControl"] },
);

const actions = fc.array(
  fc.record(
    { id, text: text(1), createdAt: instant, due: day, doneAt: instant },
    { requiredKeys: ["id", "text", "createdAt"] },
  ),
  { maxLength: 2 },
);

const base = { id, createdAt: instant, updatedAt: instant, date: day, tags: fc.array(text(1), { maxLength: 3 }) };

export const rejectionEntry: fc.Arbitrary<RejectionEntry> = fc.record(
  {
    ...base,
    note: text(),
    kind: fc.constant("rejection" as const),
    company: text(1),
    role: text(1),
    stage: fc.constantFrom(...STAGES),
    ended: fc.constantFrom(...ENDINGS),
    reasonGiven: text(),
    reasons: subset(REASONS),
    mood,
    emotions: subset(EMOTIONS),
    contact: text(),
    reflection,
    checkins: fc.array(fc.record({ at: instant, mood, note: optional(text()) }), { maxLength: 2 }),
    actions,
    feedback: fc.array(fc.record({ receivedAt: instant, text: text(1) }), { maxLength: 2 }),
  },
  {
    requiredKeys: [
      "id",
      "createdAt",
      "updatedAt",
      "date",
      "tags",
      "kind",
      "company",
      "role",
      "stage",
      "ended",
      "reasons",
      "mood",
      "emotions",
      "checkins",
      "actions",
      "feedback",
    ],
  },
);

export const winEntry: fc.Arbitrary<WinEntry> = fc.record(
  {
    ...base,
    note: text(),
    kind: fc.constant("win" as const),
    winKind: fc.constantFrom(...WIN_KINDS),
    title: text(1),
    company: text(1),
    actions,
  },
  { requiredKeys: ["id", "createdAt", "updatedAt", "date", "tags", "kind", "winKind", "title", "actions"] },
);

/** A journal's worth of valid entries with unique ids. */
export const entries: fc.Arbitrary<Entry[]> = fc.uniqueArray(fc.oneof(rejectionEntry, winEntry), {
  selector: (entry) => entry.id,
  maxLength: 6,
});
