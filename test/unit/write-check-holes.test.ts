import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/journal/entry.js";
import { checkedJournalBytes } from "../../src/journal/journal-check.js";
import { journalText } from "../../src/journal/journal-text.js";
import { rejection } from "../helpers/fixtures.js";

/*
 * The write check is the last guard against a bug saving a broken journal. An
 * array with a hole (left by `delete entries[i]` or by assigning past the end)
 * has no entry there; JSON writes it as `null`, an entry no read accepts.
 */
describe("the write check on an entries list with a hole", () => {
  it("refuses to write a journal whose list has a hole", () => {
    const entries: Entry[] = [rejection(), rejection(), rejection()];
    delete entries[1];
    expect(() => checkedJournalBytes({ version: 1, entries })).toThrow();
  });

  it("refuses it as well when the other entries are vouched for", () => {
    const entries: Entry[] = [rejection(), rejection(), rejection()];
    const vouched = journalText(entries);
    entries[4] = rejection();
    expect(() => checkedJournalBytes({ version: 1, entries }, vouched)).toThrow();
  });
});
