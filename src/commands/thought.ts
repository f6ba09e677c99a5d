import type { Command } from "commander";
import { CancelledError, UsageError } from "../errors.js";
import { canPrompt, printData, printJson } from "../ui/output.js";
import { io } from "../io.js";
import { openContent } from "./context.js";
import { readStdin } from "../read-stdin.js";

const MAX_STDIN_BYTES = 1024 * 1024;

interface ThoughtOptions {
  json?: boolean;
}

export function registerThought(command: Command): void {
  command
    .description("name the thinking traps a thought may hold, and a question to answer it with")
    .argument("[text...]", "the thought, as you would say it to yourself; without it, read from standard input")
    .option("--json", "print the thought and its likely traps as JSON")
    .addHelpText(
      "after",
      `
The suggestion comes from the words of the thought alone, on this computer;
it can be wrong, and no suggestion is given when nothing fits well.

Examples:
  rejection-coach thought "I always mess up the last round"
  echo "nobody will ever hire me" | rejection-coach thought --json | jq -r '.traps[].id'`,
    )
    .action(async (words: string[], options: ThoughtOptions, command: Command) => {
      const [{ suggestTraps, readable }, { renderTrapSuggestions }] = await Promise.all([
        import("../coach/thinking-traps.js"),
        import("../ui/trap-view.js"),
      ]);
      // A long paste is cut where the suggestion stops reading, so what is shown is what was read.
      const thought = readable(await thoughtFrom(words, options));
      const { reflection, strategies } = await openContent(command);
      const traps = suggestTraps(thought, reflection.traps);
      if (options.json) {
        printJson({ thought, traps });
        return;
      }
      printData(renderTrapSuggestions(thought, traps, reflection.traps, strategies));
    });
}

/** The words given, else standard input, else (on a terminal) a question. */
async function thoughtFrom(words: string[], options: ThoughtOptions): Promise<string> {
  let text = words.join(" ");
  if (!text.trim() && !io().stdin.isTTY) {
    text = await readStdin({
      bytes: MAX_STDIN_BYTES,
      tooLarge: () => new UsageError("standard input is over 1 MB; a thought is a line or two"),
    });
  } else if (!text.trim() && canPrompt() && !options.json) {
    const [{ loadPrompts, isPromptStop }, { askRequiredText }] = await Promise.all([
      import("../flows/prompts.js"),
      import("../flows/ask.js"),
    ]);
    try {
      text = await askRequiredText(
        await loadPrompts(),
        "What is the thought that keeps coming back?",
        undefined,
        "the thought, in your own words",
      );
    } catch (error) {
      // Nothing is ever saved here, so the usual "nothing was saved" would only puzzle.
      if (isPromptStop(error)) throw new CancelledError("Stopped.");
      throw error;
    }
  }
  const thought = text.replace(/\s+/g, " ").trim();
  if (!thought) {
    throw new UsageError(
      'give the thought as words after the command, or on standard input: rejection-coach thought "..."',
    );
  }
  return thought;
}
