import { Option, type Command } from "commander";
import { UsageError } from "../errors.js";
import { EXPORT_FORMATS, type ExportFormat } from "../export/formats.js";
import { say } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { dataDirOf } from "./context.js";
import { addFilterOptions, readFiltered, type FilterOptions } from "./filter-options.js";
import { io } from "../io.js";

interface ExportOptions extends FilterOptions {
  format: ExportFormat;
  output?: string;
  perFile?: string;
}

export function registerExport(command: Command): void {
  command
    .description("your journal as Markdown, JSON, YAML or CSV, for notes, scripts and spreadsheets")
    .addOption(
      new Option("-f, --format <format>", "md (notes), json, yaml (both re-importable) or csv (spreadsheets)")
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option(
      "-o, --output <file>",
      "write to this file instead of standard output (replaces a file; a device or named pipe is written to)",
    )
    .option("--per-file <dir>", "with --format md: one note per entry in this folder (date-company-role-id.md)");
  addFilterOptions(command)
    .addHelpText(
      "after",
      `
Examples:
  rejection-coach export --format md --since 2026-11-01 >> notes.md
  rejection-coach export --format json | jq '.entries[] | select(.stage == "final")'
  rejection-coach export --format md --per-file ~/vault/Job\\ search
  rejection-coach export --format csv --output journal.csv
  rejection-coach export --format json --output backup.json

Only the data goes to standard output; messages go to standard error.`,
    )
    .action(async (options: ExportOptions, cmd: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const [write, { formatEntries }] = await Promise.all([
        import("../export/write.js"),
        import("../export/index.js"),
      ]);
      if (options.perFile !== undefined && options.format !== "md") {
        throw new UsageError("--per-file writes Markdown notes; use it with --format md");
      }
      if (options.perFile !== undefined && options.output !== undefined) {
        throw new UsageError("use either --output FILE or --per-file DIR, not both");
      }
      const dataDir = dataDirOf(cmd);
      if (options.perFile !== undefined) {
        // Before reading, so that a path onto the journal is refused without touching anything.
        write.refuseNotesFolder(dataDir, options.perFile);
        const { entries, encrypted } = await readFiltered(cmd, options);
        const written = write.writeNotes(options.perFile, entries, { dataDir });
        say(`Wrote ${written.length} ${written.length === 1 ? "note" : "notes"} to ${safeLine(written.dir)}`);
        if (encrypted) warnPlain("These notes are", written.dir);
        return;
      }
      const target = options.output === undefined ? undefined : write.exportTarget(options.output, dataDir);
      const { entries, total, encrypted } = await readFiltered(cmd, options);
      const text = await formatEntries(options.format, entries);
      if (target && target.kind !== "standard") {
        await write.writeExport(target, text);
        say(`Wrote ${entries.length} ${entries.length === 1 ? "entry" : "entries"} to ${safeLine(target.path)}`);
        if (encrypted) warnPlain("This export is", target.path);
      } else {
        // No --output, or --output /dev/stdout: the stream the shell gave, so `>>` appends.
        (target?.kind === "standard" && target.fd === 2 ? io().stderr : io().stdout).write(text);
      }
      if (entries.length === 0) {
        say(total === 0 ? "Your journal is empty: nothing to export." : "No entries match those filters.");
      }
    });
}

/**
 * Said once, to a person at a terminal, when an encrypted journal's entries go
 * to a file: an export is plain text by nature. A script that asked for it knows.
 */
function warnPlain(what: string, path: string): void {
  if (!io().stderr.isTTY) return;
  say(`${what} not encrypted, though your journal is: anyone who can read ${safeLine(path)} can read them.`);
}
