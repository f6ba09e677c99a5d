import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatJson } from "../../src/export/json.js";
import type { Entry } from "../../src/journal/entry.js";
import { applyImport, ImportError, parseExport, planImport } from "../../src/journal/import.js";
import { newestFirst } from "../../src/journal/queries.js";
import { JournalStore } from "../../src/journal/store.js";
import { entries, rejectionEntry, text } from "../helpers/arbitraries.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { storedJournal } from "../helpers/stored-journal.js";

/**
 * Import validation under random damage: a valid export, mutated at random
 * (a field set to any JSON value or removed, an entry duplicated, the text cut
 * or spliced), is either accepted, and then stores and exports back exactly, or
 * refused with an ImportError and the journal left byte for byte as it was.
 */
const root = tempDir();
afterAll(() => removeDir(root));
let runs = 0;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Mutation =
  | { kind: "set"; path: number[]; value: Json }
  | { kind: "delete"; path: number[] }
  | { kind: "retext"; path: number[]; text: string }
  | { kind: "duplicate"; pick: number }
  | { kind: "cut"; at: number }
  | { kind: "splice"; at: number; text: string };

const path = fc.array(fc.nat(), { minLength: 1, maxLength: 5 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      path,
      value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), path }) },
  // Often harmless (a company, a note), sometimes not (an id, a date, a stage).
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("retext" as const), path, text: text() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("splice" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.constantFrom('"', "}", "]", ",", ":", "\\", "\u0000", "\n- ", "null", "&a", "*a", "{"),
    }),
  },
);

/** The container holding the node `path` leads to (each step picks a key by index, modulo), and its key. */
function locate(
  document: Json,
  steps: number[],
): { parent: Json[] | Record<string, Json>; key: string | number } | undefined {
  let parent: Json = document;
  for (let i = 0; i < steps.length; i++) {
    if (parent === null || typeof parent !== "object") return undefined;
    const keys = Array.isArray(parent) ? parent.map((_, index) => index) : Object.keys(parent);
    if (keys.length === 0) return undefined;
    const key = keys[steps[i]! % keys.length]!;
    const child: Json = (parent as Record<string | number, Json>)[key]!;
    if (i === steps.length - 1 || child === null || typeof child !== "object") return { parent, key };
    parent = child;
  }
  return undefined;
}

/** The export as text after the structural mutations, then the textual ones. */
function mutate(
  document: { version: number; entries: Entry[] },
  mutations: Mutation[],
  format: "json" | "yaml",
): string {
  const tree = JSON.parse(JSON.stringify(document)) as Json;
  for (const change of mutations) {
    if (change.kind === "set" || change.kind === "delete" || change.kind === "retext") {
      const spot = locate(tree, change.path);
      if (!spot) continue;
      const node = spot.parent as Record<string | number, Json>;
      if (change.kind === "retext") {
        if (typeof node[spot.key] === "string") node[spot.key] = change.text;
      } else if (change.kind === "set") node[spot.key] = change.value;
      else if (Array.isArray(spot.parent)) spot.parent.splice(spot.key as number, 1);
      else delete spot.parent[spot.key];
    } else if (change.kind === "duplicate") {
      const list = (tree as { entries?: Json }).entries;
      if (Array.isArray(list) && list.length > 0) list.push(structuredClone(list[change.pick % list.length]!));
    }
  }
  let text = format === "json" ? JSON.stringify(tree, null, 2) : stringify(tree, { version: "1.1" });
  for (const change of mutations) {
    const at = "at" in change ? Math.floor(change.at * text.length) : 0;
    if (change.kind === "cut") text = text.slice(0, at);
    if (change.kind === "splice") text = text.slice(0, at) + change.text + text.slice(at);
  }
  return text;
}

/** What `import` does: check the whole text, plan against the journal, apply under the lock. */
async function importText(store: JournalStore, text: string): Promise<Entry[]> {
  const incoming = parseExport(text, "the file");
  await store.update((journal) => {
    applyImport(journal, planImport(journal, incoming));
  });
  return incoming;
}

const asStored = (value: Entry[]) => JSON.parse(JSON.stringify(value)) as Entry[];

describe("import validation, for random damage to a valid export", () => {
  it("accepts and round-trips, or refuses with an ImportError and writes nothing", async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        entries,
        rejectionEntry,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("json" as const, "yaml" as const),
        async (exported, mine, mutations, format) => {
          // A journal that already holds an entry, so a refusal has something to leave alone.
          const store = new JournalStore(`${root}/${++runs}`);
          await store.update((journal) => {
            journal.entries.push({ ...mine, id: "mine0001" });
          });
          const before = readFileSync(store.file);
          const text = mutate({ version: 1, entries: exported.filter((e) => e.id !== "mine0001") }, mutations, format);

          let incoming: Entry[];
          try {
            incoming = await importText(store, text);
          } catch (error) {
            refused++;
            expect(error, String(error)).toBeInstanceOf(ImportError);
            expect((error as Error).message).toMatch(/^the file: /);
            expect(readFileSync(store.file).equals(before), "a refused import writes nothing").toBe(true);
            return;
          }
          accepted++;
          // Accepted: every new entry is stored exactly as parsed, and its export reads back the same.
          const stored = new Map(storedJournal(store.dir).entries.map((entry) => [entry.id, entry]));
          for (const entry of incoming) {
            if (entry.id !== "mine0001") expect(stored.get(entry.id)).toEqual(entry);
          }
          expect(asStored(parseExport(formatJson(newestFirst(incoming))))).toEqual(asStored(newestFirst(incoming)));
        },
      ),
      { numRuns: 250 },
    );
    // Both outcomes happen, or the property says little.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  }, 60_000);
});
