import { Option, type Command } from "commander";
import type { ImportPlan } from "../journal/import.js";
import { printJson, say } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { openJournal } from "./context.js";
import { symbols } from "../ui/symbols.js";

interface ImportOptions {
  prefer: "mine" | "theirs";
  dryRun?: boolean;
  json?: boolean;
}

export function registerImport(command: Command): void {
  command
    .description("bring entries in from a JSON or YAML export; checks the whole file before writing")
    .argument("<file>", "an export file, or - for standard input")
    .addOption(
      new Option("--prefer <side>", "when an entry with the same id differs: keep mine or take theirs")
        .choices(["mine", "theirs"])
        .default("mine"),
    )
    .option("--dry-run", "show what would happen and change nothing")
    .option("--json", "print the counts as JSON on standard output")
    .addHelpText(
      "after",
      `
Examples:
  rejection-coach import backup.json
  rejection-coach import laptop.yaml --dry-run
  rejection-coach import other.json --prefer theirs
  ssh old-laptop rejection-coach export --format json | rejection-coach import -

Entries already in your journal are skipped; one with the same id but other
content is a conflict: yours is kept unless you say --prefer theirs.`,
    )
    .action(async (file: string, options: ImportOptions, command: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const [{ readImport }, { applyImport, changesJournal, parseExport, planImport }] = await Promise.all([
        import("../export/read.js"),
        import("../journal/import.js"),
      ]);
      const { text, source } = await readImport(file);
      const incoming = parseExport(text, source, (warning) => say(`${theme.warn("warning:")} ${safeLine(warning)}`));
      const store = await openJournal(command);
      let plan = planImport(await store.read(), incoming, options.prefer, source);
      if (!options.dryRun && changesJournal(plan)) {
        // Plan again under the lock: another process may have written since.
        plan = await store.update((journal) => {
          const fresh = planImport(journal, incoming, options.prefer, source);
          applyImport(journal, fresh);
          return fresh;
        });
      }
      report(plan, Boolean(options.dryRun), options.json);
    });
}

function report(plan: ImportPlan, dryRun: boolean, json?: boolean): void {
  const counts = {
    added: plan.added.length,
    skipped: plan.skipped.length,
    conflicts: plan.conflicts.length,
    prefer: plan.prefer,
    dryRun,
  };
  for (const { mine } of plan.conflicts) {
    const what =
      mine.kind === "rejection" ? `${mine.company} ${symbols().separator} ${mine.role}` : `win: ${mine.title}`;
    const outcome =
      plan.prefer === "mine"
        ? `differs from yours; ${dryRun ? "would keep" : "kept"} yours (--prefer theirs takes the imported one)`
        : `differs from yours; ${dryRun ? "would take" : "took"} the imported one`;
    say(`${theme.warn("conflict")} ${mine.id} (${mine.date} ${symbols().separator} ${safeLine(what)}) ${outcome}`);
  }
  const conflicts = `${counts.conflicts} ${counts.conflicts === 1 ? "conflict" : "conflicts"}`;
  const resolution = dryRun
    ? `would ${plan.prefer === "mine" ? "keep yours" : "take theirs"}`
    : plan.prefer === "mine"
      ? "kept yours"
      : "took theirs";
  const summary = dryRun
    ? `Would add ${counts.added}, skip ${counts.skipped} already there`
    : `Added ${counts.added}, skipped ${counts.skipped} already there`;
  say(
    `${dryRun ? theme.muted("Dry run, nothing written. ") : ""}${summary}, ${conflicts}${counts.conflicts ? ` (${resolution})` : ""}.`,
  );
  if (json) printJson(counts);
}
