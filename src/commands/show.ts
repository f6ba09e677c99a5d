import type { Command } from "commander";
import { printData, printJson } from "../ui/output.js";
import { openJournal } from "./context.js";

interface ShowOptions {
  json?: boolean;
}

export function registerShow(command: Command): void {
  command
    .description("one entry in full: reflection, check-ins, feedback and actions")
    .argument("<id>", "the entry's id, or the start of it (see 'rejection-coach list')")
    .option("--json", "print the entry as JSON, nothing else")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach show 3f9a\n  rejection-coach show 3f9a --json | jq .reflection",
    )
    .action(async (id: string, options: ShowOptions, command: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const [{ findEntry }, { renderEntry }] = await Promise.all([
        import("../journal/queries.js"),
        import("../ui/entry-view.js"),
      ]);
      const entry = findEntry(await (await openJournal(command)).read(), id);
      if (options.json) printJson(entry);
      else printData(renderEntry(entry));
    });
}
