import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * Malformed imports that journal.test.ts does not cover: hostile shapes (a YAML
 * alias bomb, very deep nesting), fields of the wrong kind, and a very large
 * input on standard input, where there is no size to check before reading.
 * Each: exit 1, one line naming the source and the problem, nothing written.
 */
let root: string;
let dataDir: string;
let before: Buffer;
beforeAll(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  await new JournalStore(dataDir).update((journal) => {
    journal.entries.push(rejection({ id: "mine0001" }));
  });
  before = readFileSync(join(dataDir, "journal.json"));
});
afterAll(() => removeDir(root));

const entry = (overrides: Record<string, unknown>) => ({ ...rejection({ id: "new00001" }), ...overrides });
const doc = (...entries: unknown[]) => JSON.stringify({ version: 1, entries });

/** A YAML file whose aliases would expand to a billion strings. */
function aliasBomb(): string {
  const lines = ["version: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let previous = "a";
  for (const name of "bcdefghij") {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
    previous = name;
  }
  lines.push(`entries: [*${previous}]`);
  return lines.join("\n");
}

const CASES: [name: string, content: () => string, problem: RegExp][] = [
  ["a YAML alias bomb", aliasBomb, /neither JSON nor valid YAML \(Excessive alias count/],
  [
    "JSON nested 100 000 deep",
    () => `{"version":1,"entries":[${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}]}`,
    /entry #1: field `kind`/,
  ],
  ["YAML nested 100 000 deep", () => `version: 1\nentries: ${"[".repeat(100_000)}${"]".repeat(100_000)}`, /YAML/],
  ["an id that is a number", () => doc(entry({ id: 12345678 })), /entry #1: field `id`/],
  ["an id with capitals", () => doc(entry({ id: "ABCD1234" })), /entry #1 \(id "ABCD1234"\): field `id`/],
  ["a mood out of range", () => doc(entry({ mood: 11 })), /field `mood`/],
  ["a note that is an object", () => doc(entry({ note: { text: "hi" } })), /field `note`/],
  ["a date that is not a day", () => doc(entry({ date: "yesterday" })), /field `date`/],
  ["a timestamp that is not one", () => doc(entry({ createdAt: "2026-13-45T99:00:00Z" })), /field `createdAt`/],
  ["an unknown stage", () => doc(entry({ stage: "vibes" })), /field `stage`/],
  ["tags that are not a list", () => doc(entry({ tags: "remote" })), /field `tags`/],
  [
    "an empty action",
    () => doc(entry({ actions: [{ id: "ac01", text: "", createdAt: "2026-11-02T10:00:00Z" }] })),
    /actions\.0\.text/,
  ],
  ["entries that hold null", () => doc(rejection({ id: "ok000001" }), null), /entry #2: field `\(the entry itself\)`/],
  [
    "the same id twice, once as the journal already has it",
    () => doc(rejection({ id: "mine0001" }), rejection({ id: "mine0001", company: "Twin" })),
    /entry #2 \(id "mine0001"\): the id is already used by entry #1/,
  ],
];

describe("a malformed import writes nothing and says what (exit 1, one line)", () => {
  it.each(CASES)("%s", async (_, content, problem) => {
    const file = join(root, "import.txt");
    writeFileSync(file, content());
    const result = await runInProcess(["import", file], { dataDir });
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stderr.split("\n").filter(Boolean);
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(problem);
    expect(result.stdout).toBe("");
    expect(readFileSync(join(dataDir, "journal.json")).equals(before)).toBe(true);
  });

  it("a very large input on standard input stops at the limit", async () => {
    // Valid-looking JSON to the end, so only its size is wrong.
    const filler = `{"version":1,"entries":[],"padding":"${"x".repeat(51 * 1024 * 1024)}"}`;
    const started = Date.now();
    const result = await runInProcess(["import", "-"], { dataDir, input: filler });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr.trim()).toBe(
      "rejection-coach: standard input: is larger than 50 MB, far more than any journal; is it the right file?",
    );
    expect(readFileSync(join(dataDir, "journal.json")).equals(before)).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
