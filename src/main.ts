import { CommanderError } from "commander";
import { buildProgram } from "./cli.js";
import { CancelledError, CoachError, StoreError } from "./errors.js";
import { isPromptStop, stopPrompts } from "./flows/prompts.js";
import { safeLine } from "./ui/safe-text.js";
import { applyColorPreference, theme } from "./ui/theme.js";

/**
 * Runs the CLI and turns every outcome into an exit code:
 * 0 ok, 1 error, 2 bad usage, 130 Ctrl+C. Errors are one line on stderr.
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
    process.stderr.write("\nStopped. Nothing was saved.\n");
    return 130;
  }
  if (error instanceof CancelledError) {
    process.stderr.write(`\n${error.message}\n`);
    return error.exitCode;
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

// A reader that stops early (`export ... | head`) closes the pipe; that ends the output, it is not a crash.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

/**
 * A SIGINT (Ctrl+C outside a prompt, or a signal sent to the process). A prompt
 * on screen is stopped and main() reports it; anywhere else (waiting for the
 * lock, printing) the process stops here. Every write is atomic, so stopping
 * between steps loses nothing.
 */
let finished = false;
process.on("SIGINT", () => {
  stopPrompts();
  setTimeout(() => {
    if (finished) return;
    process.stderr.write("\nStopped.\n");
    process.exit(130);
  }, 150).unref();
});

process.exitCode = await main(process.argv);
finished = true;
