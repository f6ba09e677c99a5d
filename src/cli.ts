import { Command } from "commander";
import { registerFeedback } from "./commands/feedback.js";
import { registerNext } from "./commands/next.js";
import { registerReflect } from "./commands/reflect.js";
import { registerTips } from "./commands/tips.js";

declare const PACKAGE_VERSION: string;

/** Builds the program: global options and one registration per command. */
export function buildProgram(): Command {
  const program = new Command("rejection-coach")
    .description("A calm coach for the day a job application ends in a no: log it, feel it, learn from it, act on it.")
    .version(PACKAGE_VERSION, "-V, --version")
    .option("--data <dir>", "journal folder (default: $REJECTION_COACH_HOME, else your config folder)")
    .option("--content <dir>", "a folder of your own YAML strategies, merged over the built-in ones")
    .option("--no-color", "plain output without colour (NO_COLOR works too)")
    .showSuggestionAfterError()
    .exitOverride()
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .addHelpText(
      "after",
      `
Examples:
  rejection-coach log                      log a rejection, step by step
  rejection-coach tips                     browse the coaching strategies
  rejection-coach export --format md >> notes.md

Your journal stays on this computer. Set REJECTION_COACH_HOME or --data to keep it elsewhere.`,
    );

  registerTips(program);
  registerReflect(program);
  registerNext(program);
  registerFeedback(program);
  return program;
}
