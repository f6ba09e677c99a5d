import type { Command } from "commander";
import { canPrompt } from "../ui/output.js";
import { openContent, openJournal } from "./context.js";
import { addReflectOptions, type ReflectOptions } from "./reflect-options.js";

export function registerReflect(command: Command): void {
  command
    .description("look back on a rejection: what happened, what was yours, what to do next")
    .argument("[id]", "the rejection (default: the most recent one without a reflection)");
  addReflectOptions(command)
    .addHelpText(
      "after",
      `
In a terminal, reflect asks its questions one at a time; flags answer them ahead.
Reflecting again on the same rejection adds a check-in (mood, note, next steps)
and keeps the first reflection as it was. Ctrl+C stops without saving anything.

Examples:
  rejection-coach reflect
  rejection-coach reflect 3f2a --mood 6 --rate interview=3 --in-control interview \\
      --thought "I always freeze" --trap overgeneralizing --balanced "I froze once, on one question" \\
      --action "Practice two stories aloud" --due friday --json
  rejection-coach reflect 3f2a --mood 7 --note "Feeling steadier" --action "Apply to two roles"

Stage questions (--answer ID=TEXT), steps (--rate STEP=N) and traps (--trap ID)
are listed in content/reflection.yaml; a wrong id names the ones that fit.`,
    )
    .action(async (id: string | undefined, options: ReflectOptions, command: Command) => {
      // Loaded when reflect runs, not when the CLI starts, so --help and the other commands stay fast.
      const { chooseEntry, reflectOnEntry } = await import("./reflect-session.js");
      const store = await openJournal(command);
      const interactive = canPrompt() && !options.json;
      const now = new Date();
      const entry = await chooseEntry(await store.read(), id, interactive, now);
      if (!entry) return;
      const content = (await openContent(command)).reflection;
      await reflectOnEntry({ store, content, entry, options, interactive, now });
    });
}
