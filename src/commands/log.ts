import type { Command } from "commander";
import type { Content } from "../content/schema.js";
import type { RejectionFields } from "../journal/make-entry.js";
import { printData, printJson, say, wrap } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { openContent, openJournal } from "./context.js";
import {
  addRejectionOptions,
  asksForMissing,
  REJECTION_FLAGS,
  rejectionFieldsFrom,
  type RejectionOptions,
} from "./entry-options.js";

const REQUIRED = ["company", "role", "stage", "ended", "mood"] as const;

export function registerLog(program: Command): void {
  const command = program
    .command("log")
    .summary("log a rejection and get ideas for what may help")
    .description("log a rejection, step by step, and get two or three ideas for what may help");
  addRejectionOptions(command)
    .addHelpText(
      "after",
      `
Asked one question at a time on a terminal; any flag you give is not asked again.
Without a terminal, --company, --role, --stage, --ended and --mood are needed.

Examples:
  rejection-coach log
  rejection-coach log --company Acme --role "Data Analyst" --stage interview --ended rejected --mood 4
  rejection-coach log --company Acme --role Designer --stage applied --ended ghosted --mood 6 \\
      --date "last friday" --reason unknown --emotion frustrated --tag remote
  pbpaste | rejection-coach log --company Acme --role Designer --stage final --ended rejected --mood 3 --note -
  rejection-coach log ... --json | jq -r .id`,
    )
    .action(async (options: RejectionOptions, command: Command) => {
      const now = new Date();
      const given = await rejectionFieldsFrom(options, now);
      const interactive = asksForMissing("log", given, REQUIRED, REJECTION_FLAGS, options.json);
      const store = await openJournal(command);
      let fields: RejectionFields;
      let content: Content;
      if (interactive) {
        // A broken journal is reported before the person has typed anything.
        store.read();
        const [{ logFlow }, { loadPrompts }] = await Promise.all([
          import("../flows/log.js"),
          import("../flows/prompts.js"),
        ]);
        const asking = logFlow(await loadPrompts(), given, { show: say, now });
        // The coaching is read once the first question is on screen; a broken
        // content folder is reported after the questions, still before any write.
        const loading = openContent(command);
        loading.catch(() => undefined);
        const answers = await asking;
        if (!answers) {
          say("Nothing was saved.");
          return;
        }
        fields = answers;
        content = await loading;
      } else {
        content = await openContent(command);
        const { toDay } = await import("../journal/dates.js");
        fields = { date: toDay(now), reasons: [], emotions: [], tags: [], ...given } as RejectionFields;
      }

      const [
        { saveRejection },
        { chooseStrategies, isLowMood },
        { detectPatterns },
        { insightsFor },
        { rejections },
        { toDay },
      ] = await Promise.all([
        import("../journal/save.js"),
        import("../coach/choose.js"),
        import("../coach/signals.js"),
        import("../coach/insights.js"),
        import("../journal/queries.js"),
        import("../journal/dates.js"),
      ]);
      const { entry, journal } = await saveRejection(store, fields, now);
      say(`${theme.good("Saved")} ${theme.id(entry.id)}: ${safeLine(entry.role)} at ${safeLine(entry.company)}.`);
      if (isLowMood(entry.mood)) say(wrap("Thank you for writing it down; that is not easy on a day like this."));
      if (options.json) {
        printJson(entry);
        return;
      }
      const today = toDay(now);
      const patterns = detectPatterns(rejections(journal), today, content.feedbackThemes);
      const choices = chooseStrategies(entry, content.strategies, patterns);
      const { renderChoices, renderJournalNotes } = await import("../ui/coach-view.js");
      const notes = renderJournalNotes(patterns, insightsFor(journal, content, today), content);
      printData(`${notes ? `\n${notes}\n` : ""}\n${renderChoices(choices)}\n`);
      say(theme.muted("\nRead one in full: rejection-coach tips ID"));

      if (interactive && (await offerToReflect(isLowMood(entry.mood)))) {
        const { reflectOn } = await import("./reflect.js");
        say("");
        await reflectOn(command, entry.id, {});
        return;
      }
      say(theme.muted(`When you are ready, in a day or two: rejection-coach reflect ${entry.id}`));
    });
}

/** Reflection usually goes better after a day or two, so the offer defaults to later. */
async function offerToReflect(lowMood: boolean): Promise<boolean> {
  const { loadPrompts } = await import("../flows/prompts.js");
  const { confirm } = await loadPrompts();
  return confirm({
    message: lowMood
      ? "Would you like to reflect on it now? Later is fine too; today may be for resting."
      : "Would you like to reflect on it now? Many people find it easier in a day or two.",
    default: false,
  });
}
