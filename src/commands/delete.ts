import type { Command } from "commander";
import { CancelledError, UsageError } from "../errors.js";
import { canPrompt, say } from "../ui/output.js";
import { theme } from "../ui/theme.js";
import { openJournal } from "./context.js";

interface DeleteOptions {
  yes?: boolean;
}

export function registerDelete(command: Command): void {
  command
    .description("delete one entry for good (asks first)")
    .argument("<id>", "the entry's id, or the start of it (see 'rejection-coach list')")
    .option("-y, --yes", "delete without asking (for scripts)")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach delete 3f9a\n  rejection-coach delete 3f9a --yes\n\nThere is no undo; 'rejection-coach export --format json --output backup.json' keeps a copy first.",
    )
    .action(async (id: string, options: DeleteOptions, command: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const [{ findEntry }, { describeContents, describeEntry }, { isPromptStop, loadPrompts }] = await Promise.all([
        import("../journal/queries.js"),
        import("../ui/entry-view.js"),
        import("../flows/prompts.js"),
      ]);
      const store = await openJournal(command);
      const entry = findEntry(await store.read(), id);
      if (!options.yes) {
        if (!canPrompt()) {
          throw new UsageError(`not deleting ${entry.id} without a confirmation; add --yes to delete it from a script`);
        }
        const contents = describeContents(entry);
        say(`This deletes:\n  ${theme.title(describeEntry(entry))}${contents ? `\n  with ${contents}` : ""}`);
        const prompts = await loadPrompts();
        const sure = await prompts
          .confirm({ message: "Delete it for good? There is no undo.", default: false })
          .catch((error: unknown) => {
            if (isPromptStop(error)) {
              throw new CancelledError("Stopped. Nothing was deleted.");
            }
            throw error;
          });
        if (!sure) {
          say("Kept it. Nothing was deleted.");
          return;
        }
      }
      await store.update((journal) => {
        const fresh = findEntry(journal, entry.id);
        journal.entries = journal.entries.filter((other) => other.id !== fresh.id);
      });
      say(`${theme.good("Deleted")} ${describeEntry(entry)}.`);
    });
}
