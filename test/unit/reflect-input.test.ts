import { describe, expect, it } from "vitest";
import { reflectionScope } from "../../src/coach/reflection.js";
import { checkReflectFlags, type ReflectMode } from "../../src/commands/reflect-input.js";
import type { ReflectOptions } from "../../src/commands/reflect-options.js";
import { loadContent } from "../../src/content/load.js";
import { UsageError } from "../../src/errors.js";
import type { Reflection } from "../../src/journal/entry.js";
import { rejection } from "../helpers/fixtures.js";

const content = loadContent().reflection;
const firstTime: ReflectMode = { checkingIn: false, interactive: false };
const checkingIn: ReflectMode = { checkingIn: true, interactive: false };
const reflection: Reflection = {
  createdAt: "2026-11-03T10:00:00.000Z",
  mood: 5,
  answers: [],
  ratings: [],
  inControl: [],
  outOfControl: [],
};

function check(options: ReflectOptions, mode = firstTime, entry = rejection({ stage: "interview" })) {
  return checkReflectFlags(options, entry, content, reflectionScope(content, entry), mode);
}

describe("reflect's flags against the entry and content", () => {
  it("reads a trap in its US spelling as the stored id, and leaves the options as they were", () => {
    const options: ReflectOptions = { mood: 5, thought: "I always freeze", trap: "overgeneralizing" };
    expect(check(options).trap).toBe("overgeneralising");
    expect(options.trap).toBe("overgeneralizing");
  });

  it("names the flag and the ids that fit when an id is wrong", () => {
    expect(() => check({ answer: { nope: "x" } })).toThrow(
      /^--answer: 'nope' is not a question for the interview stage/,
    );
    expect(() => check({ rate: { nope: 3 } })).toThrow(/^--rate: 'nope' is not a step for the interview stage/);
    const traps = /^--trap: 'nope' is not a thinking trap \(traps: .*overgeneralizing/;
    expect(() => check({ thought: "t", trap: "nope" })).toThrow(traps);
    expect(() => check({ trap: "labeling" })).toThrow("--trap and --balanced go with a --thought");
  });

  it("keeps check-in flags and reflection flags apart", () => {
    const reflected = rejection({ reflection });
    expect(() => check({ mood: 6, thought: "t", fit: "yes" }, checkingIn, reflected)).toThrow(
      `${reflected.id} already has a reflection; reflecting again adds a check-in, which takes --mood, --note, --done and --action (not --thought, --fit)`,
    );
    expect(() => check({ note: "steadier" })).toThrow(UsageError);
    expect(() => check({ done: ["a1"] })).toThrow(/^--done is for a check-in/);
  });

  it("finds --done steps among the entry's open ones, by id or its start", () => {
    const entry = rejection({
      reflection,
      actions: [
        { id: "a1b2c3d4", text: "Open", createdAt: "2026-11-03T10:00:00.000Z" },
        { id: "a1ffffff", text: "Done", createdAt: "2026-11-03T10:00:00.000Z", doneAt: "2026-11-04T10:00:00.000Z" },
      ],
    });
    expect(check({ mood: 6, done: ["A1"] }, checkingIn, entry).done).toEqual(["a1b2c3d4"]);
    expect(() => check({ mood: 6, done: ["a1ff"] }, checkingIn, entry)).toThrow(
      `--done: 'a1ff' is not an open next step of ${entry.id} (open: a1b2c3d4)`,
    );
  });
});
