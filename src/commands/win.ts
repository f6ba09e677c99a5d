import type { Command } from "commander";
import type { WinFields } from "../journal/make-entry.js";
import { printData, printJson, say } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { CancelledError } from "../errors.js";
import type * as PromptsModule from "../flows/prompts.js";
import type * as WinFlows from "../flows/win.js";
import type * as Changes from "../journal/changes.js";
import type { JournalStore } from "../journal/store.js";
import { formatDay } from "../ui/labels.js";
import { openJournal } from "./context.js";
import { addWinOptions, asksForMissing, WIN_FLAGS, winFieldsFrom, type WinOptions } from "./entry-options.js";

const REQUIRED = ["winKind", "title"] as const;

export function registerWin(command: Command): void {
  command.description("log a small victory: an interview, good feedback, an application sent, a skill learned");
  addWinOptions(command)
    .addHelpText(
      "after",
      `
Without a terminal, --kind and --title are needed.

Examples:
  rejection-coach win
  rejection-coach win --kind interview --title "First interview at Acme" --company Acme
  rejection-coach win --kind skill --title "Finished the SQL course" --tag learning --json`,
    )
    .action(async (options: WinOptions, command: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const [flows, prompts, changes, { toDay }, { saveWin }, { celebrate }] = await Promise.all([
        import("../flows/win.js"),
        import("../flows/prompts.js"),
        import("../journal/changes.js"),
        import("../journal/dates.js"),
        import("../journal/save.js"),
        import("../ui/coach-view.js"),
      ]);
      const now = new Date();
      const given = await winFieldsFrom(options, now);
      const interactive = asksForMissing(given, REQUIRED, WIN_FLAGS, options.json);
      const store = await openJournal(command);
      let fields: WinFields;
      if (interactive) {
        // A broken journal is reported before any question.
        await store.read();
        const answers = await flows.winFlow(await prompts.loadPrompts(), given, { show: say, now });
        if (!answers) {
          say("Nothing was saved.");
          return;
        }
        fields = answers;
      } else {
        fields = { date: toDay(now), tags: [], ...given } as WinFields;
      }

      const { entry, journal } = await saveWin(store, fields, now);
      say(`${theme.good("Saved")} ${theme.id(entry.id)}: ${safeLine(entry.title)}.`);
      if (interactive && entry.winKind === "interview")
        await offerStep(store, entry.id, now, { flows, prompts, changes });
      if (options.json) {
        printJson(entry);
        return;
      }
      const wins = journal.entries.filter((candidate) => candidate.kind === "win").length;
      printData(`\n${celebrate(entry.winKind, wins)}`);
    });
}

/** An interview won is when preparation gets planned: one optional step, asked after the win is saved. */
async function offerStep(
  store: JournalStore,
  id: string,
  now: Date,
  modules: { flows: typeof WinFlows; prompts: typeof PromptsModule; changes: typeof Changes },
): Promise<void> {
  let step;
  try {
    step = await modules.flows.winStepFlow(await modules.prompts.loadPrompts(), now);
  } catch (error) {
    if (modules.prompts.isPromptStop(error)) {
      throw new CancelledError(`Stopped. Your win is saved as ${id}; no next step was added.`);
    }
    throw error;
  }
  if (!step) return;
  const { action } = await modules.changes.addStep(store, id, step, now);
  say(
    `${theme.tick()} Added: ${safeLine(action.text)}${action.due ? ` (due ${formatDay(action.due, now)})` : ""}. See it with ${theme.accent("rejection-coach next")}.`,
  );
}
