import type { Command } from "commander";
import { printData, printJson, say, textWidth } from "../ui/output.js";
import { openContent, openJournal } from "./context.js";
import { addPeriodOptions, readPeriod, resolveFilterFlags, type FilterOptions } from "./filter-options.js";

interface StatsOptions extends Pick<FilterOptions, "since" | "until"> {
  json?: boolean;
}

export function registerStats(command: Command): void {
  command.description(
    "your search at a glance: how far it got, endings, mood, recovery, wins and what the coach noticed",
  );
  addPeriodOptions(command)
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
      // Loaded here, not at the top of the file: --help and the other commands stay fast.
      const [{ toDay }, { computeStats }, { insightsFor }, { formatDay }, { renderDashboard }] = await Promise.all([
        import("../journal/dates.js"),
        import("../coach/stats.js"),
        import("../coach/insights.js"),
        import("../ui/labels.js"),
        import("../ui/stats-view.js"),
      ]);
      const now = new Date();
      const today = toDay(now);
      const { since, until } = await resolveFilterFlags(await readPeriod(options, now), now);

      const journal = await (await openJournal(command)).read();
      const stats = computeStats(journal, { since, until }, today);
      if (options.json) return printJson(stats);

      if (journal.entries.length === 0) {
        say("Nothing logged yet, so there is nothing to count. That is fine.");
        say("When an application ends in a no, run 'rejection-coach log', and this page will fill in over time.");
        return;
      }
      if (stats.totals.rejections + stats.totals.wins === 0) {
        const day = (text: string) => formatDay(text, now);
        const between = [since && `from ${day(since)}`, until && `up to ${day(until)}`].filter(Boolean).join(" ");
        say(`Nothing logged ${between}. Try a wider range, or leave out --since and --until.`);
        return;
      }
      const content = await openContent(command);
      const asOf = until && until < today ? until : today;
      const insights = insightsFor(journal, content, asOf, { since, until });
      printData(renderDashboard(stats, insights, content, textWidth()));
    });
}
