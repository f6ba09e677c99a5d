import chalk from "chalk";
import { CommanderError } from "commander";
import { buildProgram } from "./cli.js";
import { CancelledError, CoachError, StoreError } from "./errors.js";
import { isPromptStop } from "./flows/prompt-stop.js";
import { io, withIo, type Io } from "./io.js";
import { useDateOrderSetting } from "./journal/date-order.js";
import { wasSaved } from "./journal/save-state.js";
import { safeLine } from "./ui/safe-text.js";
import { applyColorPreference, theme } from "./ui/theme.js";

export interface RunOptions {
  /** The exit code of a stop signal that has arrived, if one has: it wins over the command's own. */
  stopCode?: () => number | undefined;
}

/**
 * Runs the CLI once on `args` (what follows the program name) with the current
 * io, and turns every outcome into an exit code: 0 ok, 1 error, 2 bad usage,
 * 130 Ctrl+C (129 SIGHUP, 143 SIGTERM). Errors are one line on stderr.
 */
export async function execute(args: string[], options: RunOptions = {}): Promise<number> {
  applyColorPreference(io().env, args);
  // Until the command reads the setting, a date is read in the locale's order (and confirmed).
  useDateOrderSetting(() => Promise.resolve(undefined));
  try {
    const program = await buildProgram(args);
    if (args.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(args, { from: "user" });
    return 0;
  } catch (error) {
    return exitCodeFor(error, options.stopCode?.());
  }
}

/**
 * The same, in-process, with the streams and environment given (the rest are
 * the process's own) and a run state of its own: how the tests call the CLI.
 */
export async function run(args: string[], streams: Partial<Io> = {}): Promise<number> {
  const colorLevel = chalk.level;
  try {
    return await withIo({ ...io(), ...streams }, () => execute(args));
  } finally {
    chalk.level = colorLevel;
  }
}

const REPAIR_HINT = "nothing was changed; 'rejection-coach doctor --repair' can salvage it and keeps a backup";

function exitCodeFor(error: unknown, stopCode: number | undefined): number {
  const { stderr } = io();
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help / version).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isPromptStop(error)) {
    stderr.write(`\n${stoppedLine("Stopped. Nothing was saved.")}\n`);
    return stopCode ?? 130;
  }
  if (error instanceof CancelledError) {
    stderr.write(`\n${error.message}\n`);
    return stopCode ?? error.exitCode;
  }
  if (error instanceof CoachError) {
    const hint = error instanceof StoreError && error.repairable ? `; ${REPAIR_HINT}` : "";
    // Messages can quote a damaged file or typed text: keep them to one safe line.
    stderr.write(`${theme.error("rejection-coach:")} ${safeLine(error.message)}${hint}\n`);
    return error.exitCode;
  }
  stderr.write(`rejection-coach: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

/** What to say on stopping: a save that already happened must not be reported as nothing saved. */
export const stoppedLine = (unsaved: string): string => (wasSaved() ? "Stopped. Your changes were saved." : unsaved);
