import { describe, expect, it } from "vitest";
import { NotFoundError, UsageError } from "../../src/errors.js";
import {
  addStep,
  changeAnswers,
  changeCheckin,
  changeStep,
  findStep,
  markStepsDone,
  removeCheckin,
  removeStep,
} from "../../src/journal/changes.js";
import type { Journal, Reflection, RejectionEntry } from "../../src/journal/entry.js";
import { rejection, win } from "../helpers/fixtures.js";

const now = new Date("2026-11-24T12:00:00.000Z");
const later = "2026-11-24T12:00:00.000Z";

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
  createdAt: "2026-11-03T10:00:00.000Z",
  mood: 5,
  answers: [
    { questionId: "first", question: "First question?", answer: "first answer" },
    { questionId: "third", question: "Third question?", answer: "third answer" },
  ],
  ratings: [],
  inControl: [],
  outOfControl: [],
});

function journalWith(entry: RejectionEntry): Journal {
  return { version: 1, entries: [entry] };
}

function stepsJournal(): { journal: Journal; entry: RejectionEntry } {
  const entry = rejection({
    actions: [
      { id: "later001", text: "Later step", createdAt: "2026-11-01T10:00:00.000Z", due: "2026-12-10" },
      { id: "soon0001", text: "Soon step", createdAt: "2026-11-01T10:00:00.000Z", due: "2026-11-25" },
      { id: "done0001", text: "Done step", createdAt: "2026-11-01T10:00:00.000Z", doneAt: "2026-11-02T10:00:00.000Z" },
    ],
  });
  return { journal: journalWith(entry), entry };
}

describe("next steps", () => {
  it("finds a step by its number in the next list (soonest due first) or by its id, done ones by id", () => {
    const { journal } = stepsJournal();
    expect(findStep(journal, "1", now).action.id).toBe("soon0001");
    expect(findStep(journal, "2", now).action.id).toBe("later001");
    expect(findStep(journal, "done", now).action.id).toBe("done0001");
    expect(() => findStep(journal, "3", now)).toThrow(NotFoundError);
  });

  it("changes a step's text and due day in one write, and moves the entry's updatedAt", async () => {
    const { journal, entry } = stepsJournal();
    const store = memoryStore(journal);
    const { action } = await changeStep(store, "2", { text: "  Call Sam  ", due: "2026-11-30" }, now);
    expect(action).toMatchObject({ id: "later001", text: "Call Sam", due: "2026-11-30" });
    expect(entry.actions[0]).toMatchObject({ text: "Call Sam", due: "2026-11-30" });
    expect(entry.updatedAt).toBe(later);
    expect(store.writes()).toBe(1);
  });

  it("removes the due day when asked (null), and keeps the text", async () => {
    const { journal, entry } = stepsJournal();
    await changeStep(memoryStore(journal), "soon", { due: null }, now);
    expect(entry.actions[1]).toEqual({ id: "soon0001", text: "Soon step", createdAt: "2026-11-01T10:00:00.000Z" });
  });

  it("refuses empty text before writing anything", async () => {
    const { journal } = stepsJournal();
    const store = memoryStore(journal);
    expect(() => changeStep(store, "1", { text: "  " }, now)).toThrow(UsageError);
    expect(store.writes()).toBe(0);
  });

  it("removes one step by id and leaves the others", async () => {
    const { journal, entry } = stepsJournal();
    const removed = await removeStep(memoryStore(journal), "soon0001", now);
    expect(removed.action.text).toBe("Soon step");
    expect(entry.actions.map((action) => action.id)).toEqual(["later001", "done0001"]);
    await expect(removeStep(memoryStore(journal), "soon0001", now)).rejects.toThrow(NotFoundError);
  });
});

describe("marking steps done", () => {
  it("marks steps by number and id in one write, reading every number before anything changes", async () => {
    const { journal, entry } = stepsJournal();
    const store = memoryStore(journal);
    // Read first, "1" and "2" are the soon and the later step; numbers do not shift as the first is marked.
    const { steps, remaining } = await markStepsDone(store, ["1", "2"], now);
    expect(steps.map((step) => [step.action.id, step.already])).toEqual([
      ["soon0001", false],
      ["later001", false],
    ]);
    expect(entry.actions.map((action) => action.doneAt)).toEqual([later, later, "2026-11-02T10:00:00.000Z"]);
    expect(entry.updatedAt).toBe(later);
    expect(remaining).toEqual([]);
    expect(store.writes()).toBe(1);
  });

  it("reports a step named twice once, and a done one as already done, keeping its day", async () => {
    const { journal, entry } = stepsJournal();
    const { steps, remaining } = await markStepsDone(memoryStore(journal), ["1", "soon0001", "done0001"], now);
    expect(steps.map((step) => [step.action.id, step.already])).toEqual([
      ["soon0001", false],
      ["done0001", true],
    ]);
    expect(entry.actions[2]!.doneAt).toBe("2026-11-02T10:00:00.000Z");
    expect(remaining.map((item) => item.action.id)).toEqual(["later001"]);
  });

  it("marks nothing when one of the steps is not there", async () => {
    const { journal, entry } = stepsJournal();
    await expect(markStepsDone(memoryStore(journal), ["1", "9"], now)).rejects.toThrow(
      "there is no next step number 9 (the list has 1 to 2)",
    );
    expect(entry.actions.filter((action) => action.doneAt)).toHaveLength(1);
  });
});

describe("adding a step", () => {
  it("adds a step to a win as to a rejection, with an id no other step has", async () => {
    const { journal } = stepsJournal();
    const interview = win({ winKind: "interview" });
    journal.entries.push(interview);
    const { action, entry } = await addStep(
      memoryStore(journal),
      interview.id,
      { text: " Prepare ", due: "2026-12-01" },
      now,
    );
    expect(entry.id).toBe(interview.id);
    expect(interview.actions).toEqual([{ id: action.id, text: "Prepare", createdAt: later, due: "2026-12-01" }]);
    expect(["later001", "soon0001", "done0001"]).not.toContain(action.id);
    expect(findStep(journal, action.id, now).entry.id).toBe(interview.id);
  });
});

describe("check-ins", () => {
  const checkins = () => [
    { at: "2026-11-10T12:00:00.000Z", mood: 4, note: "still low" },
    { at: "2026-11-20T12:00:00.000Z", mood: 7 },
  ];

  it("changes the mood and note of check-in N (1 is the first recorded)", async () => {
    const entry = rejection({ checkins: checkins() });
    const { checkin } = await changeCheckin(
      memoryStore(journalWith(entry)),
      entry.id,
      2,
      { mood: 8, note: "better" },
      now,
    );
    expect(checkin).toEqual({ at: "2026-11-20T12:00:00.000Z", mood: 8, note: "better" });
    expect(entry.checkins[0]).toEqual(checkins()[0]);
    expect(entry.updatedAt).toBe(later);
  });

  it("removes a check-in's note when given an empty one", async () => {
    const entry = rejection({ checkins: checkins() });
    await changeCheckin(memoryStore(journalWith(entry)), entry.id, 1, { note: "" }, now);
    expect(entry.checkins[0]).toEqual({ at: "2026-11-10T12:00:00.000Z", mood: 4 });
  });

  it("removes check-in N and keeps the rest", async () => {
    const entry = rejection({ checkins: checkins() });
    const { checkin } = await removeCheckin(memoryStore(journalWith(entry)), entry.id, 1, now);
    expect(checkin.mood).toBe(4);
    expect(entry.checkins).toEqual([checkins()[1]]);
  });

  it("names the check-ins there are when N is not one of them", async () => {
    const entry = rejection({ checkins: checkins() });
    await expect(removeCheckin(memoryStore(journalWith(entry)), entry.id, 3, now)).rejects.toThrow(
      /no check-in number 3 \(it has 1 to 2/,
    );
    expect(entry.checkins).toHaveLength(2);
  });
});

describe("reflection answers", () => {
  const order = ["first", "second", "third"];

  it("changes an answer, adds one in the stage's question order and clears another, in one write", async () => {
    const entry = rejection({ reflection: reflection() });
    const store = memoryStore(journalWith(entry));
    await changeAnswers(
      store,
      entry.id,
      [
        { questionId: "third", question: "Third question?", answer: "  a new third  " },
        { questionId: "second", question: "Second question?", answer: "second answer" },
        { questionId: "first", question: "First question?", answer: undefined },
      ],
      order,
      now,
    );
    expect(entry.reflection!.answers).toEqual([
      { questionId: "second", question: "Second question?", answer: "second answer" },
      { questionId: "third", question: "Third question?", answer: "a new third" },
    ]);
    expect(entry.updatedAt).toBe(later);
    expect(store.writes()).toBe(1);
  });

  it("refuses to clear an answer that is not there, and an entry without a reflection", async () => {
    const reflected = rejection({ reflection: reflection() });
    await expect(
      changeAnswers(
        memoryStore(journalWith(reflected)),
        reflected.id,
        [{ questionId: "second", question: "", answer: "" }],
        order,
        now,
      ),
    ).rejects.toThrow(/no answer to 'second'/);
    const bare = rejection();
    await expect(
      changeAnswers(
        memoryStore(journalWith(bare)),
        bare.id,
        [{ questionId: "first", question: "", answer: "x" }],
        order,
        now,
      ),
    ).rejects.toThrow(/no reflection yet/);
  });
});
