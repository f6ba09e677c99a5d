import { Command, Help } from "commander";
import { COMMANDS, commandNamed } from "./commands/catalog.js";
import { dateOrderSetting } from "./commands/context.js";
import { useDateOrderSetting } from "./journal/date-order.js";
import { applyPlainOption } from "./commands/plain-option.js";
import { applyUsageChecks } from "./commands/usage-checks.js";
import { runSource } from "./commands/passphrase-source.js";
import { io } from "./io.js";
import { terminalColumns } from "./ui/output.js";

declare const PACKAGE_VERSION: string;

/**
 * Builds the program for `args`: global options, and every command by name,
 * of which only the one being run (or all, with `loadAll`) is loaded in full.
 */
export async function buildProgram(args: readonly string[], { loadAll = false } = {}): Promise<Command> {
  // Commands not loaded are listed by the term their entry gives; the test of the help keeps the two alike.
  const unloaded = new Map<Command, string>();
  const program = new Command("rejection-coach")
    .description("A calm coach for the day a job application ends in a no: log it, feel it, learn from it, act on it.")
    .version(PACKAGE_VERSION, "-V, --version")
    .option("--data <dir>", "journal folder (default: $REJECTION_COACH_HOME, else your config folder)")
    .option("--content <dir>", "a folder of your own YAML strategies, merged over the built-in ones")
    .option("--no-color", "plain output without color (NO_COLOR works too)")
    .option("--plain", "plain questions: numbered choices, no redraws (also on TERM=dumb, or config set plain yes)")
    .option(
      "--passphrase-file <file>",
      "an encrypted journal's passphrase, from a file or a pipe (or $REJECTION_COACH_PASSPHRASE)",
    )
    .hook("preAction", (_program, command) => {
      // Before any command runs an editor or another program, which would inherit the variable.
      runSource();
      return applyPlainOption(command);
    })
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
    .configureHelp({
      sortSubcommands: false,
      showGlobalOptions: true,
      subcommandTerm(this: Help, command: Command): string {
        return unloaded.get(command) ?? Help.prototype.subcommandTerm.call(this, command);
      },
    })
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

  const running = commandNamed(args);
  for (const entry of COMMANDS) {
    const command = program.command(entry.name, { hidden: entry.hidden }).summary(entry.summary);
    if (entry.alias) command.alias(entry.alias);
    if (loadAll || entry === running) (await entry.load())(command);
    else unloaded.set(command, entry.term);
  }
  // Whatever shape of arguments reaches a command that was only listed, it is loaded before it runs.
  program.hook("preSubcommand", async (_program, command) => {
    const entry = COMMANDS.find((candidate) => candidate.name === command.name());
    if (!entry || !unloaded.delete(command)) return;
    (await entry.load())(command);
    applyUsageChecks(command);
  });
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
