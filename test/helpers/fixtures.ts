import type { RejectionEntry, WinEntry } from "../../src/journal/entry.js";

let counter = 0;
const nextId = () => (0x10000000 + ++counter).toString(16);

/** A valid rejection entry; override what the test is about. */
export function rejection(overrides: Partial<RejectionEntry> = {}): RejectionEntry {
  const date = overrides.date ?? "2026-11-02";
  return {
    id: nextId(),
    kind: "rejection",
    createdAt: `${date}T10:00:00.000Z`,
    updatedAt: `${date}T10:00:00.000Z`,
    date,
    tags: [],
    company: "Acme",
    role: "Backend Engineer",
    stage: "interview",
    ended: "rejected",
    reasons: [],
    mood: 5,
    emotions: [],
    checkins: [],
    actions: [],
    feedback: [],
    ...overrides,
  };
}

export function win(overrides: Partial<WinEntry> = {}): WinEntry {
  const date = overrides.date ?? "2026-11-03";
  return {
    id: nextId(),
    kind: "win",
    createdAt: `${date}T10:00:00.000Z`,
    updatedAt: `${date}T10:00:00.000Z`,
    date,
    tags: [],
    winKind: "interview",
    title: "Got a first interview",
    actions: [],
    ...overrides,
  };
}
