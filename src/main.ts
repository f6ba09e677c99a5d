import { CommanderError } from "commander";
import { buildProgram } from "./cli.js";
import { CancelledError, CoachError, StoreError } from "./errors.js";
import { isPromptStop, stopPrompts } from "./flows/prompts.js";
import { wasSaved } from "./journal/save-state.js";
import { stdoutFailure } from "./ui/output.js";
import { safeLine } from "./ui/safe-text.js";
import { applyColorPreference, theme } from "./ui/theme.js";

/**
 * Runs the CLI and turns every outcome into an exit code: 0 ok, 1 error,
 * 2 bad usage, 130 Ctrl+C (129 SIGHUP, 143 SIGTERM). Errors are one line on stderr.
 */
async function main(argv: string[]): Promise<number> {
  applyColorPreference();
  const program = buildProgram();
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}

const REPAIR_HINT = "nothing was changed; 'rejection-coach doctor --repair' can salvage it and keeps a backup";

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help / version).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isPromptStop(error)) {
    process.stderr.write(`\n${stoppedLine("Stopped. Nothing was saved.")}\n`);
    return stopSignal?.exitCode ?? 130;
  }
  if (error instanceof CancelledError) {
    process.stderr.write(`\n${error.message}\n`);
    return stopSignal?.exitCode ?? error.exitCode;
  }
  if (error instanceof CoachError) {
    const hint = error instanceof StoreError && error.repairable ? `; ${REPAIR_HINT}` : "";
    // Messages can quote a damaged file or typed text: keep them to one safe line.
    process.stderr.write(`${theme.error("rejection-coach:")} ${safeLine(error.message)}${hint}\n`);
    return error.exitCode;
  }
  process.stderr.write(`rejection-coach: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

/** The first stop signal received, if any: it decides the exit code. */
let stopSignal: { exitCode: number } | undefined;

/** What to say on stopping: a save that already happened must not be reported as nothing saved. */
const stoppedLine = (unsaved: string): string => (wasSaved() ? "Stopped. Your changes were saved." : unsaved);

/**
 * A reader that stops early (`export ... | head`) closes the pipe; that ends the
 * output, it is not a crash. Any other failure (a full disk, a terminal that went
 * away) is one line on stderr and exit 1, not a stack trace.
 */
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  // After SIGHUP the terminal is gone and every write fails: the stop is the news.
  if (stopSignal) process.exit(stopSignal.exitCode);
  process.stderr.write(`rejection-coach: ${stdoutFailure(error, wasSaved())}\n`);
  process.exit(1);
});

// When stderr itself is full or closed there is no one left to tell. The exit
// code still says how the command went: a save that succeeded is not undone,
// and reporting it as failed would invite a retry that saves it twice.
process.stderr.on("error", () => undefined);

/**
 * SIGINT (Ctrl+C outside a prompt, or a signal sent to the process), SIGTERM
 * and SIGHUP stop the command the same way. Handled here rather than left to
 * the default (instant death), they run only between synchronous steps, so a
 * journal write is either whole or not begun. A prompt on screen is stopped and
 * main() reports it; anywhere else (waiting for the lock, printing) the process
 * stops here shortly after, unless main() finishes first.
 */
const STOP_SIGNALS = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 } as const;
let finished = false;

function stopNow(): void {
  if (finished) return;
  process.stderr.write(`\n${stoppedLine("Stopped.")}\n`);
  process.exit(stopSignal?.exitCode ?? 130);
}

for (const [signal, exitCode] of Object.entries(STOP_SIGNALS)) {
  process.on(signal, () => {
    stopSignal ??= { exitCode };
    stopPrompts();
    setTimeout(stopNow, 150).unref();
  });
}

const exitCode = await main(process.argv);
finished = true;
if (stopSignal && exitCode === 0) {
  // The command ran to its end while the signal was on its way: say so, and report the stop.
  process.stderr.write(`\n${stoppedLine("Stopped.")}\n`);
  process.exitCode = stopSignal.exitCode;
} else {
  process.exitCode = exitCode;
}
