import type { Insight } from "../coach/insights.js";
import { RULES } from "../coach/signals.js";
import type { Content } from "../content/schema.js";
import { atStage, formatDay, REASON_PHRASES, STAGE_REACHED } from "./labels.js";
import { bullet } from "./strategy-view.js";
import { wrap } from "./output.js";
import { safeLine } from "./safe-text.js";
import { theme } from "./theme.js";
import { RECOVERED_MOOD } from "../coach/recovery.js";

const days = (count: number): string => `${count} ${count === 1 ? "day" : "days"}`;
const times = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * One insight in plain words. Facts first, then at most one line on what they
 * mean; no praise for its own sake, no alarm, no diagnosis.
 */
export function describeInsight(insight: Insight, content: Content): string {
  switch (insight.kind) {
    case "low-mood-streak":
      return (
        `Your mood was ${RULES.lowMood} or lower for ${insight.data.lowMoods} of your last ${insight.data.of} rejections. ` +
        "That is a lot to carry on your own. Talking it over with someone, a friend or a counselor, often helps."
      );
    case "furthest-stage":
      return (
        `In the last ${days(insight.data.days)} you got as far as ${STAGE_REACHED[insight.data.stage]}; ` +
        `before that, the furthest was ${STAGE_REACHED[insight.data.previousBest]}. ` +
        "Getting further is progress, even when it still ends in a no."
      );
    case "faster-recovery":
      return (
        `You have been getting back to a mood of ${RECOVERED_MOOD} or more sooner: typically in ${days(insight.data.recentMedianDays)} ` +
        `lately, against ${days(insight.data.earlierMedianDays)} earlier on (over ${insight.data.recoveries} recoveries).`
      );
    case "wins-accumulating": {
      const { recent, total, filtered } = insight.data;
      return (
        `You logged ${times(recent, "win")} in the last ${days(insight.data.days)}, ` +
        `${total} ${filtered ? "in the whole journal" : "in all"}. Each one is a step that worked.`
      );
    }
    case "wins-in-period": {
      const { count, total, since, until } = insight.data;
      const period = until ? `from ${formatDay(since)} to ${formatDay(until)}` : `since ${formatDay(since)}`;
      return `You logged ${times(count, "win")} ${period}, ${total} in the whole journal. Each one is a step that worked.`;
    }
    case "recurring-stage":
      return (
        `${insight.data.count} of your last ${insight.data.of} rejections ended ${atStage(insight.data.stage)}. ` +
        "That stage may be worth a closer look."
      );
    case "recurring-reason":
      return `A likely reason came up in ${insight.data.count} of your last ${insight.data.of} rejections: ${REASON_PHRASES[insight.data.reason]}.`;
    case "recurring-trap": {
      const trap = content.reflection.traps.find((item) => item.id === insight.data.trap);
      const name = safeLine(trap?.name ?? insight.data.trap);
      return `The same thinking trap showed up in ${insight.data.count} of your last ${insight.data.of} reflections: ${name}.`;
    }
    case "feedback-theme": {
      const found = content.feedbackThemes.find((item) => item.id === insight.data.theme);
      const label = safeLine(found?.label ?? insight.data.theme);
      return `Feedback mentioned ${label} for ${insight.data.count} of your last ${times(insight.data.of, "rejection")} with feedback.`;
    }
    case "long-search":
      return (
        `This search has run ${days(insight.data.days)} and ${times(insight.data.rejections, "rejection")}. ` +
        "Long searches are tiring; pace yourself and keep what is working."
      );
  }
}

/**
 * At most `count` insights, taken in turn from each group (wellbeing, progress,
 * patterns), so a short list still shows a pattern next to the progress.
 */
export function pickInsights(insights: readonly Insight[], count: number): Insight[] {
  const groups = (["wellbeing", "progress", "pattern"] as const).map((group) =>
    insights.filter((insight) => insight.group === group),
  );
  const picked: Insight[] = [];
  for (let round = 0; picked.length < Math.min(count, insights.length); round++) {
    for (const group of groups) if (group[round] && picked.length < count) picked.push(group[round]!);
  }
  return picked;
}

/**
 * A list of insights, each with the strategies that fit it; a strategy is named
 * only the first time, so three reframes do not repeat the same three tips.
 */
export function renderInsights(insights: readonly Insight[], content: Content, perInsight = 3): string {
  const named = new Set<string>();
  const lines: string[] = [];
  for (const insight of insights) {
    const text = describeInsight(insight, content);
    lines.push(bullet(insight.group === "wellbeing" ? theme.accent(text) : text));
    const fresh = insight.strategies.filter((id) => !named.has(id)).slice(0, perInsight);
    const titles = fresh.flatMap((id) => {
      named.add(id);
      const strategy = content.strategies.find((item) => item.id === id);
      return strategy ? [`${safeLine(strategy.title)} ${theme.muted(`(${strategy.id})`)}`] : [];
    });
    if (titles.length) lines.push(wrap(`${theme.muted("Try:")} ${titles.join(", ")}`, 4));
  }
  return lines.join("\n");
}
