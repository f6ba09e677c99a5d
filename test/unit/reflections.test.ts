import { describe, expect, it } from "vitest";
import { CoachError } from "../../src/errors.js";
import type { Checkin, Journal, Reflection } from "../../src/journal/entry.js";
import { addFeedback, setContact } from "../../src/journal/feedback.js";
import { saveCheckin, saveReflection } from "../../src/journal/reflections.js";
import { rejection } from "../helpers/fixtures.js";

const now = new Date("2026-11-24T12:00:00.000Z");
const at = now.toISOString();

/** A store over a journal in memory: the functions under test only call update. */
function memoryStore(journal: Journal) {
  let writes = 0;
  return {
    update: async <T>(change: (journal: Journal) => T | Promise<T>): Promise<T> => {
      writes++;
      return change(journal);
    },
    writes: () => writes,
  };
}

const reflection = (): Reflection => ({
  createdAt: at,
  mood: 6,
  answers: [],
  ratings: [],
  inControl: [],
  outOfControl: [],
});

describe("saving a reflection", () => {
  it("saves the reflection and its next steps, with ids no other step has, in one write", async () => {
    const other = rejection({ actions: [{ id: "taken001", text: "Elsewhere", createdAt: at }] });
    const entry = rejection();
    const store = memoryStore({ version: 1, entries: [other, entry] });
    const saved = await saveReflection(
      store,
      entry.id,
      reflection(),
      [{ text: "Call Sam", due: "2026-12-01" }, { text: "Rest" }],
      now,
    );
    expect(saved.entry.reflection).toEqual(reflection());
    expect(saved.actions).toEqual([
      { id: expect.any(String), text: "Call Sam", createdAt: at, due: "2026-12-01" },
      { id: expect.any(String), text: "Rest", createdAt: at },
    ]);
    expect(new Set([...saved.actions.map((action) => action.id), "taken001"]).size).toBe(3);
    expect(entry.actions).toEqual(saved.actions);
    expect(entry.updatedAt).toBe(at);
    expect(store.writes()).toBe(1);
  });

  it("refuses when a reflection arrived meanwhile, and keeps that one", async () => {
    const first = { ...reflection(), mood: 3 };
    const entry = rejection({ reflection: first });
    const saving = saveReflection(
      memoryStore({ version: 1, entries: [entry] }),
      entry.id,
      reflection(),
      [{ text: "Call Sam" }],
      now,
    );
    await expect(saving).rejects.toThrow(CoachError);
    await expect(saving).rejects.toThrow(
      `${entry.id} got a reflection from elsewhere meanwhile; nothing was saved. Run reflect again to add a check-in`,
    );
    expect(entry.reflection).toBe(first);
    expect(entry.actions).toEqual([]);
  });
});

describe("saving a check-in", () => {
  it("adds the check-in, marks the steps it names done and adds new ones, in one write", async () => {
    const entry = rejection({
      reflection: reflection(),
      actions: [
        { id: "open0001", text: "Open", createdAt: "2026-11-02T10:00:00.000Z" },
        { id: "done0001", text: "Done", createdAt: "2026-11-02T10:00:00.000Z", doneAt: "2026-11-03T10:00:00.000Z" },
        { id: "open0002", text: "Still open", createdAt: "2026-11-02T10:00:00.000Z" },
      ],
    });
    const store = memoryStore({ version: 1, entries: [entry] });
    const checkin: Checkin = { at: "2026-11-23T12:00:00.000Z", mood: 7 };
    const saved = await saveCheckin(store, entry.id, checkin, ["open0001", "done0001"], [{ text: "Apply" }], now);
    expect(entry.checkins).toEqual([checkin]);
    expect(entry.actions.map((action) => action.doneAt)).toEqual([
      at,
      "2026-11-03T10:00:00.000Z",
      undefined,
      undefined,
    ]);
    expect(saved.actions.map((action) => action.text)).toEqual(["Apply"]);
    expect(entry.updatedAt).toBe(at);
    expect(store.writes()).toBe(1);
  });
});

describe("feedback", () => {
  it("keeps the feedback with the rejection", async () => {
    const entry = rejection();
    const feedback = await addFeedback(
      memoryStore({ version: 1, entries: [entry] }),
      entry.id,
      "Strong on design",
      now,
    );
    expect(feedback).toEqual({ receivedAt: at, text: "Strong on design" });
    expect(entry.feedback).toEqual([feedback]);
    expect(entry.updatedAt).toBe(at);
  });

  it("sets a contact, and keeps one that is there already", async () => {
    const entry = rejection();
    const store = memoryStore({ version: 1, entries: [entry] });
    await setContact(store, entry.id, "Sam", now);
    await setContact(store, entry.id, "Alex", now);
    expect(entry.contact).toBe("Sam");
    expect(store.writes()).toBe(2);
  });
});
