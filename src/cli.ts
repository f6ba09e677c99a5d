import { Command } from "commander";
import { registerLog } from "./commands/log.js";
import { registerReflect } from "./commands/reflect.js";
import { registerNext } from "./commands/next.js";
import { registerFeedback } from "./commands/feedback.js";
import { registerWin } from "./commands/win.js";
import { registerTips } from "./commands/tips.js";
import { registerList } from "./commands/list.js";
import { registerShow } from "./commands/show.js";
import { registerEdit } from "./commands/edit.js";
import { registerDelete } from "./commands/delete.js";
import { registerStats } from "./commands/stats.js";
import { registerExport } from "./commands/export.js";
import { registerImport } from "./commands/import.js";
import { registerConfig } from "./commands/config.js";
import { registerDoctor } from "./commands/doctor.js";
import { dateOrderSetting } from "./commands/context.js";
import { useDateOrderSetting } from "./journal/day-input.js";
import { applyPlainOption } from "./commands/plain-option.js";
import { applyUsageChecks } from "./commands/usage-checks.js";
import { io } from "./io.js";
import { terminalColumns } from "./ui/output.js";

declare const PACKAGE_VERSION: string;

/** Builds the program: global options and one registration per command. */
export function buildProgram(): Command {
  const program = new Command("rejection-coach")
    .description("A calm coach for the day a job application ends in a no: log it, feel it, learn from it, act on it.")
    .version(PACKAGE_VERSION, "-V, --version")
    .option("--data <dir>", "journal folder (default: $REJECTION_COACH_HOME, else your config folder)")
    .option("--content <dir>", "a folder of your own YAML strategies, merged over the built-in ones")
    .option("--no-color", "plain output without color (NO_COLOR works too)")
    .option("--plain", "plain questions: numbered choices, no redraws (also on TERM=dumb, or config set plain yes)")
    .hook("preAction", (_program, command) => applyPlainOption(command))
    .showSuggestionAfterError()
    // One prefix for every error line, whether commander or the tool found the problem,
    // and commander's "did you mean" on that same line.
    .configureOutput({
      writeOut: (text) => io().stdout.write(text),
      writeErr: (text) => io().stderr.write(text),
      getOutHelpWidth: () => terminalColumns(io().stdout) ?? 80,
      getErrHelpWidth: () => terminalColumns(io().stderr) ?? 80,
      outputError: (text, write) => write(oneLine(text)),
    })
    .exitOverride()
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .addHelpText(
      "after",
      `
Examples:
  rejection-coach log                      log a rejection, step by step
  rejection-coach reflect                  a day or two later, look back on it
  rejection-coach tips                     browse the coaching strategies
  rejection-coach export --format md >> notes.md

Your journal stays on this computer. Set REJECTION_COACH_HOME or --data to keep it elsewhere.`,
    );

  // Every date the command reads, from a flag or a prompt, follows the person's dateOrder.
  program.hook("preAction", (_program, action) => useDateOrderSetting(() => dateOrderSetting(action)));

  // In the order a person meets them, which is the order --help lists them in.
  registerLog(program);
  registerReflect(program);
  registerNext(program);
  registerFeedback(program);
  registerWin(program);
  registerTips(program);
  registerList(program);
  registerShow(program);
  registerEdit(program);
  registerDelete(program);
  registerStats(program);
  registerExport(program);
  registerImport(program);
  registerConfig(program);
  registerDoctor(program);
  applyUsageChecks(program);
  return program;
}

/** `error: unknown command 'nxt'\n(Did you mean next?)` as one line, the way the tool's own errors read. */
const oneLine = (text: string): string =>
  text
    .replace(/^error: /, "rejection-coach: ")
    .replace(/\n\(Did you mean (one of )?(.+)\?\)/, (_, oneOf: string | undefined, words: string) => {
      const quoted = words
        .split(", ")
        .map((word) => `'${word}'`)
        .join(", ");
      return ` (did you mean ${oneOf ?? ""}${quoted}?)`;
    });
