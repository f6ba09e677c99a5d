import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Entry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";
import { storedJournal } from "../helpers/stored-journal.js";

const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));

/** Text as people type it, and then some: every script, emoji, RTL marks, line breaks, very long. */
const SAMPLES = [
  "Zürich — São Paulo — Łódź",
  "東京の会社",
  "שלום, זה לא היה קל",
  "مرحبا \u200f(RTL)\u200e mixed",
  "👩🏽‍💻 family: 👨‍👩‍👧‍👦 flag: 🇳🇴",
  "line one\nline two\r\nline three\ttabbed",
  "quotes \" ' ` and backslashes \\ \\n",
  "\u0000 nul and \u001b[31m escape",
  "\ud800 lone surrogate",
  "",
];
const text = fc.oneof(
  fc.constantFrom(...SAMPLES),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).map((chunk) => chunk.repeat(2_000)),
);
const nonEmpty = fc.oneof(
  fc.constantFrom(...SAMPLES.filter(Boolean)),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }),
);

const entry: fc.Arbitrary<Entry> = fc.oneof(
  fc
    .record({
      company: nonEmpty,
      role: nonEmpty,
      note: text,
      reasonGiven: text,
      contact: text,
      tags: fc.array(nonEmpty, { maxLength: 4 }),
    })
    .map((fields) => rejection(fields)),
  fc
    .record({ title: nonEmpty, note: text, company: text, tags: fc.array(nonEmpty, { maxLength: 4 }) })
    .map((fields) => win(fields)),
);

describe("the store round trip", () => {
  it("keeps any text exactly: written, then read back by a fresh store", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 5 }), async (entries) => {
        const root = tempDir();
        roots.push(root);
        const ids = new Set<string>();
        const unique = entries.filter((item) => !ids.has(item.id) && ids.add(item.id));
        await new JournalStore(root).update((journal) => {
          journal.entries.push(...structuredClone(unique));
        });
        expect(storedJournal(root).entries).toEqual(unique);
      }),
      { numRuns: 60 },
    );
  });
});
