/**
 * A child process for the crash and concurrency tests: appends entries to the
 * journal through JournalStore.update and prints each id once update has resolved.
 *
 *   node store-writer.mjs DIR COUNT      (COUNT appends, or "forever")
 *
 * A StoreError becomes one line on stderr and exit 1, as in the CLI.
 */
import { StoreError } from "../../src/errors.js";
import { newId } from "../../src/journal/ids.js";
import { JournalStore } from "../../src/journal/store.js";
import { rejection } from "./fixtures.js";

const [dir, count = "1"] = process.argv.slice(2);
const store = new JournalStore(dir!);
try {
  for (let i = 0; count === "forever" || i < Number(count); i++) {
    const id = await store.update((journal) => {
      const entry = rejection({
        id: newId(new Set(journal.entries.map((e) => e.id))),
        note: `append ${i} by ${process.pid}`,
      });
      journal.entries.push(entry);
      return entry.id;
    });
    process.stdout.write(`${id}\n`);
  }
} catch (error) {
  if (!(error instanceof StoreError)) throw error;
  process.stderr.write(`rejection-coach: ${error.message}\n`);
  process.exitCode = 1;
}
