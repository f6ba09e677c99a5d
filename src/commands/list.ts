import type { Command } from "commander";
import { printData, printJson, say, terminalColumns } from "../ui/output.js";
import { addFilterOptions, readFiltered, type FilterOptions } from "./filter-options.js";

interface ListOptions extends FilterOptions {
  json?: boolean;
}

export function registerList(command: Command): void {
  command.description("your journal, one line per entry, newest first");
  addFilterOptions(command)
    .option("--json", "print the matching entries as JSON, nothing else")
    .addHelpText(
      "after",
      `
Examples:
  rejection-coach list
  rejection-coach list --since "last month" --stage interview
  rejection-coach list --search "system design" -n 5
  rejection-coach list --kind rejection --json | jq -r '.[].company'`,
    )
    .action(async (options: ListOptions, cmd: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const { renderEntryList } = await import("../ui/entry-view.js");
      const { entries, total, filtered } = await readFiltered(cmd, options);
      if (options.json) printJson(entries);
      else if (entries.length) printData(renderEntryList(entries, terminalColumns()));
      if (total === 0) say("Your journal is empty. Log a rejection with: rejection-coach log");
      else if (entries.length === 0 && filtered) say(`No entries match those filters (${total} in the journal).`);
    });
}
