import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatEntries } from "../../src/export/index.js";
import type { Entry } from "../../src/journal/entry.js";
import { filterEntries } from "../../src/journal/filters.js";
import { applyImport, parseExport, planImport } from "../../src/journal/import.js";
import { newestFirst } from "../../src/journal/queries.js";
import { JournalStore } from "../../src/journal/store.js";
import { entries } from "../helpers/arbitraries.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { storedJournal } from "../helpers/stored-journal.js";

const root = tempDir();
afterAll(() => removeDir(root));
let runs = 0;

/** What `export` does: the whole journal, newest first, in one format. */
const exportAll = (store: JournalStore, format: "json" | "yaml") =>
  formatEntries(format, filterEntries(storedJournal(store.dir).entries, {}));

/** What `import` does: check the whole text, plan against the journal, apply under the lock. */
async function importText(store: JournalStore, text: string) {
  const incoming = parseExport(text);
  return store.update((journal) => {
    const plan = planImport(journal, incoming);
    applyImport(journal, plan);
    return plan;
  });
}

const asStored = (value: Entry[]) => JSON.parse(JSON.stringify(value)) as Entry[];

describe("export, import into an empty journal, export again", () => {
  for (const format of ["json", "yaml"] as const) {
    it(`gives identical output (${format} import, any text: Unicode, emoji, newlines, quotes, RTL, escapes)`, async () => {
      await fc.assert(
        fc.asyncProperty(entries, async (generated) => {
          const mine = new JournalStore(`${root}/${++runs}-mine`);
          await mine.update((journal) => {
            journal.entries.push(...generated);
          });
          const first = await exportAll(mine, "json");
          expect(JSON.parse(first).entries).toEqual(asStored(newestFirst(generated)));

          const theirs = new JournalStore(`${root}/${runs}-theirs`);
          const plan = await importText(theirs, await exportAll(mine, format));
          expect(plan.added).toHaveLength(generated.length);
          expect(await exportAll(theirs, "json")).toBe(first);

          // A second import of the same file changes nothing.
          const again = await importText(theirs, first);
          expect(again.skipped).toHaveLength(generated.length);
          expect(await exportAll(theirs, "json")).toBe(first);
        }),
        { numRuns: 60 },
      );
    });
  }
});
