import type { Insight } from "../coach/insights.js";
import type { Stats } from "../coach/stats.js";
import type { Content } from "../content/schema.js";
import { fromDay } from "../journal/dates.js";
import { MOOD_MAX, MOOD_MIN, STAGES } from "../journal/vocabulary.js";
import { bar, sparkline } from "./charts.js";
import { pickInsights, renderInsights } from "./insight-view.js";
import { formatDay, MONTH_ABBREVIATIONS, REASON_NAMES } from "./labels.js";
import { wrap } from "./output.js";
import { safeLine } from "./safe-text.js";
import { theme } from "./theme.js";
import { symbols } from "./symbols.js";

/** How much of each list fits on one screen; `--json` has them all. */
const LIMITS = { periods: 6, actions: 2, insights: 3, strategies: 2, moodPoints: 40 } as const;
const LABEL = 14;

const label = (text: string): string => `  ${text.padEnd(LABEL)}`;
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;
const words = (id: string): string => id.replace(/-/g, " ");

/** "Heading       value", the value wrapped under itself rather than under the heading. */
function field(name: string, value: string, width: number): string {
  const indent = LABEL + 2;
  return theme.heading(name.padEnd(indent)) + wrap(value, indent, width).slice(indent);
}

/**
 * The `stats` dashboard: one screen of figures, charts and what the coach
 * noticed. Colour comes from chalk, which is off when piped or with NO_COLOR,
 * so the same text serves a terminal and a pipe.
 */
export function renderDashboard(stats: Stats, insights: readonly Insight[], content: Content, width: number): string {
  const from = stats.range.since ?? stats.range.first!;
  const to = stats.range.until ?? stats.range.today;
  const today = fromDay(stats.range.today);
  const lines = [
    `${theme.title("Your search")} ${theme.muted(`${formatDay(from, today)} to ${formatDay(to, today)}`)}`,
    `${plural(stats.totals.rejections, "rejection")} and ${plural(stats.totals.wins, "win")}`,
    "",
    ...funnel(stats, width),
    "",
    ...endings(stats, width),
    "",
    ...activity(stats, width),
    "",
    ...wellbeing(stats, width),
    ...progress(stats, width),
  ];
  const shown = pickInsights(insights, LIMITS.insights);
  if (shown.length) {
    const hint = theme.muted("  read a tip with: rejection-coach tips ID");
    lines.push("", theme.heading("What the journal shows") + hint, renderInsights(shown, content, LIMITS.strategies));
  }
  return lines.join("\n");
}

function funnel(stats: Stats, width: number): string[] {
  if (stats.totals.rejections === 0) return [`${theme.heading("How far they got")}  ${theme.muted("no rejections")}`];
  const max = Math.max(...stats.funnel.stages.map((item) => item.count));
  const barWidth = Math.max(10, Math.min(30, width - LABEL - 12));
  const months = stats.funnel.byMonth;
  const trend =
    months.length > 1
      ? `  ${theme.muted("furthest by month")} ${theme.accent(
          sparkline(
            months.map((month) => STAGES.indexOf(month.furthest)),
            { min: 0, max: STAGES.length - 1 },
          ),
        )} ${theme.muted(`${months[0]!.furthest} ${symbols().arrow} ${months[months.length - 1]!.furthest}`)}`
      : "";
  return [
    `${theme.heading("How far they got")}${trend}`,
    ...stats.funnel.stages.map(
      ({ stage, count }) =>
        `${label(stage)}${theme.accent(bar(count, max, barWidth))}${count ? " " : ""}${count ? count : theme.muted("0")}`,
    ),
  ];
}

function endings(stats: Stats, width: number): string[] {
  const list = (items: { name: string; count: number }[]) =>
    items.length
      ? items.map((item) => `${item.name} ${item.count}`).join(theme.muted(` ${symbols().separator} `))
      : theme.muted("none yet");
  return [
    field("How they ended", list(stats.endings.map((e) => ({ name: words(e.ending), count: e.count }))), width),
    field("Likely reasons", list(stats.reasons.map((r) => ({ name: REASON_NAMES[r.reason], count: r.count }))), width),
  ];
}

/** A week by the day it starts, as `next` writes days ("Mon 12 Oct"); a month by its name ("Oct 2025"). */
function periodName(period: Stats["activity"]["periods"][number], unit: string, today: Date): string {
  if (unit === "week") return formatDay(period.start, today);
  const start = fromDay(period.start);
  const month = MONTH_ABBREVIATIONS[start.getMonth()]!;
  return start.getFullYear() === today.getFullYear() ? month : `${month} ${start.getFullYear()}`;
}

function activity(stats: Stats, width: number): string[] {
  const periods = stats.activity.periods.slice(-LIMITS.periods);
  const today = fromDay(stats.range.today);
  const names = periods.map((period) => periodName(period, stats.activity.unit, today));
  // A week of another year ("Mon 29 Dec 2025") is a little longer than the usual label.
  const labelWidth = Math.max(LABEL, ...names.map((name) => name.length + 1));
  const max = Math.max(1, ...periods.flatMap((period) => [period.rejections, period.wins]));
  const barWidth = Math.max(6, Math.min(20, Math.floor((width - labelWidth - 14) / 2)));
  const hidden = stats.activity.periods.length - periods.length;
  return [
    `${theme.heading(`Per ${stats.activity.unit}`)}  ${theme.accent(symbols().block)} rejections  ${theme.good(symbols().shade)} wins` +
      (hidden ? theme.muted(`  (latest ${periods.length} of ${stats.activity.periods.length})`) : ""),
    ...periods.map((period, index) => {
      const no = bar(period.rejections, max, barWidth);
      // Pad by the plain text, since colour codes have no width on screen.
      const gap = " ".repeat(barWidth + 4 - no.length - String(period.rejections).length);
      const yes = `${theme.good(bar(period.wins, max, barWidth, symbols().shade))} ${period.wins}`;
      return `  ${names[index]!.padEnd(labelWidth)}${theme.accent(no)} ${period.rejections}${gap}${yes}`;
    }),
  ];
}

/** "the 1 rejection logged below 6", "the 4 rejections logged below 6" */
const loggedLow = (count: number, threshold: number): string =>
  `the ${plural(count, "rejection")} logged below ${threshold}`;

function wellbeing(stats: Stats, width: number): string[] {
  const lines: string[] = [];
  const points = stats.mood.points.slice(-LIMITS.moodPoints);
  if (points.length) {
    const line = sparkline(
      points.map((point) => point.mood),
      { min: MOOD_MIN, max: MOOD_MAX },
    );
    const summary = theme.muted(
      `average ${stats.mood.average}, latest ${stats.mood.latest} (${MOOD_MIN} to ${MOOD_MAX})`,
    );
    lines.push(field("Mood at log", `${theme.accent(line)}  ${summary}`, width));
  }
  const recovery = stats.recovery;
  const back = recovery.threshold;
  let text: string;
  if (recovery.lowAtLog === 0) text = `every rejection was logged at a mood of ${back} or more`;
  else if (recovery.items.length === 0) text = "no check-ins or reflections yet to compare with the mood at log";
  else if (recovery.medianDays === null)
    text = `not back to ${back} or more yet after ${loggedLow(recovery.lowAtLog, back)}`;
  else {
    // Say which rejections the figure is about: "low start" left people guessing.
    const which =
      recovery.recovered === recovery.lowAtLog && recovery.lowAtLog > 1
        ? `all ${loggedLow(recovery.lowAtLog, back).replace(/^the /, "")}`
        : `${recovery.recovered === recovery.lowAtLog ? "" : `${recovery.recovered} of `}${loggedLow(recovery.lowAtLog, back)}`;
    const days = plural(recovery.medianDays, "day");
    text = `back to ${back} or more in ${recovery.recovered > 1 ? `a median of ${days}` : days}, for ${which}`;
  }
  if (recovery.averageChange !== null) {
    const sign = recovery.averageChange > 0 ? "+" : "";
    text += `; mood moved ${sign}${recovery.averageChange} on average by the latest check-in`;
  }
  lines.push(field("Recovery", text, width));
  return lines;
}

function progress(stats: Stats, width: number): string[] {
  const streak = stats.wins.streakWeeks;
  const streakText = streak
    ? `${plural(streak, "week")} in a row with a win or an application logged`
    : "nothing logged this week or last";
  const overdue = stats.actions.overdue ? theme.warn(`${stats.actions.overdue} overdue`) : "0 overdue";
  const lines = [
    field("Wins", `${stats.wins.count} ${theme.muted(`${symbols().separator} ${streakText}`)}`, width),
    field(
      "Reflections",
      `${stats.reflections.done} done ${symbols().separator} ${stats.reflections.pending} to do`,
      width,
    ),
    field("Next actions", `${stats.actions.open} open ${symbols().separator} ${overdue}`, width),
  ];
  const today = fromDay(stats.range.today);
  for (const action of stats.actions.items.slice(0, LIMITS.actions)) {
    // Written as `next` writes them, so a step reads the same on both screens.
    const due = action.due
      ? action.overdue
        ? theme.warn(`was due ${formatDay(action.due, today)}`)
        : `due ${formatDay(action.due, today)}`
      : "no date";
    const where = action.title === undefined ? action.company : `win: ${action.title}`;
    lines.push(`    ${safeLine(action.text)} ${theme.muted(`(${safeLine(where)}, ${due})`)}`);
  }
  return lines;
}
