import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { printData, printJson, say, textWidth } from "../ui/output.js";
import { openContent, openJournal } from "./context.js";

interface StatsOptions {
  since?: string;
  until?: string;
  json?: boolean;
}

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("your search at a glance: how far it got, endings, mood, recovery, wins and what the coach noticed")
    .option("--since <date>", "only entries from this day on (2026-09-01, 'last month', '3 weeks ago')")
    .option("--until <date>", "only entries up to this day")
    .option("--json", "print the figures as JSON (fields in the README)")
    .addHelpText(
      "after",
      `
Examples:
  rejection-coach stats
  rejection-coach stats --since 2026-09-01 --until 2026-09-30
  rejection-coach stats --json | jq '.funnel.stages'`,
    )
    .action(async (options: StatsOptions, command: Command) => {
      const { parseDay, toDay, DateInputError } = await import("../journal/dates.js");
      const now = new Date();
      const today = toDay(now);
      const day = async (flag: string, text: string | undefined, direction: "past" | "any") => {
        if (text === undefined) return undefined;
        try {
          return await parseDay(text, { now, direction });
        } catch (error) {
          if (error instanceof DateInputError) throw new UsageError(`${flag}: ${error.message}`);
          throw error;
        }
      };
      const since = await day("--since", options.since, "past");
      const until = await day("--until", options.until, "any");
      if (since && until && since > until) {
        throw new UsageError(`--since ${since} is after --until ${until}; nothing can fall between them`);
      }

      const journal = (await openJournal(command)).read();
      const { computeStats, inRange } = await import("../coach/stats.js");
      const stats = computeStats(journal, { since, until }, today);
      if (options.json) return printJson(stats);

      if (journal.entries.length === 0) {
        say("Nothing logged yet, so there is nothing to count. That is fine.");
        say("When an application ends in a no, run 'rejection-coach log', and this page will fill in over time.");
        return;
      }
      if (stats.totals.rejections + stats.totals.wins === 0) {
        const between = [since && `from ${since}`, until && `up to ${until}`].filter(Boolean).join(" ");
        say(`Nothing logged ${between}. Try a wider range, or leave out --since and --until.`);
        return;
      }
      const content = await openContent(command);
      const { insightsFor } = await import("../coach/insights.js");
      const { renderDashboard } = await import("../ui/stats-view.js");
      const asOf = until && until < today ? until : today;
      const insights = insightsFor(inRange(journal, { since, until }), content, asOf);
      printData(renderDashboard(stats, insights, content, textWidth()));
    });
}
