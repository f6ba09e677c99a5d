import { stopPrompts } from "./flows/prompt-stop.js";
import { wasSaved } from "./journal/save-state.js";
import { execute, stoppedLine } from "./run.js";
import { stdoutFailure } from "./ui/output-failure.js";

/**
 * The process around one run of the CLI: its exit code, what happens when its
 * output is closed or fails, and how stop signals end it.
 */

/** The first stop signal received, if any: it decides the exit code. */
let stopSignal: { exitCode: number } | undefined;

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
 * the run reports it; anywhere else (waiting for the lock, printing) the process
 * stops here shortly after, unless the run finishes first.
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

const exitCode = await execute(process.argv.slice(2), { stopCode: () => stopSignal?.exitCode });
finished = true;
if (stopSignal && exitCode === 0) {
  // The command ran to its end while the signal was on its way: say so, and report the stop.
  process.stderr.write(`\n${stoppedLine("Stopped.")}\n`);
  process.exitCode = stopSignal.exitCode;
} else {
  process.exitCode = exitCode;
}
