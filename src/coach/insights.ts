import type { Content, Strategy } from "../content/schema.js";
import type { Signal } from "../content/vocabulary.js";
import { addDays, byText } from "../journal/dates.js";
import { isRejection, isWin, type Journal, type RejectionEntry } from "../journal/entry.js";
import { stageRank, type Reason, type Stage } from "../journal/vocabulary.js";
import { detectPatterns, type Pattern } from "./signals.js";
import { median } from "./averages.js";
import { recoveryOf } from "./recovery.js";
import { furthestStage, inRange, type StatsRange } from "./stats.js";

/**
 * What the coach noticed across the journal, as data: a kind, the figures it is
 * about, and the ids of strategies that fit it. The words are the UI's job.
 */
export type Insight = WellbeingInsight | ProgressInsight | PatternInsight;

export interface WellbeingInsight {
  group: "wellbeing";
  kind: "low-mood-streak";
  data: { lowMoods: number; of: number };
  strategies: string[];
}

/** A progress reframe before strategies are attached: the facts it rests on. */
export type Progress = { group: "progress" } & (
  | { kind: "furthest-stage"; data: { stage: Stage; previousBest: Stage; days: number } }
  | { kind: "faster-recovery"; data: { recentMedianDays: number; earlierMedianDays: number; recoveries: number } }
  /** `total` is the whole journal's; `filtered` when only a period of it was asked for. */
  | { kind: "wins-accumulating"; data: { recent: number; total: number; days: number; filtered?: boolean } }
  /** A period shorter than the window: its wins, against the whole journal's. */
  | { kind: "wins-in-period"; data: { count: number; total: number; since: string; until: string | null } }
);

export type ProgressInsight = Progress & { strategies: string[] };

const PATTERN_KINDS = [
  "recurring-stage",
  "recurring-reason",
  "recurring-trap",
  "feedback-theme",
  "long-search",
] as const;
type PatternKind = (typeof PATTERN_KINDS)[number];

export type PatternInsight = {
  [K in PatternKind]: {
    group: "pattern";
    kind: K;
    data: Omit<Extract<Pattern, { signal: K }>, "signal">;
    strategies: string[];
  };
}[PatternKind];

/** The thresholds of the reframes, kept together so they read as the coach states them. */
const REFRAME_RULES = {
  /** Furthest stage: what was reached in the last `recentDays`, against everything before. */
  recentDays: 30,
  /** Faster recovery needs this many recoveries to compare the later half with the earlier. */
  minRecoveries: 4,
  /** Wins accumulating: at least this many in the last `recentDays`. */
  recentWins: 2,
  /** Strategies named per insight. */
  strategiesPerInsight: 3,
} as const;

/**
 * Everything worth saying about a journal on `today` (YYYY-MM-DD): first a
 * wellbeing note when moods have been low, then progress, then patterns.
 * With a `period` (stats --since/--until), only the entries in it are looked at,
 * except that a count of wins is set against the whole journal's, named as such.
 * Called by `stats`, and by `log` after saving an entry.
 */
export function insightsFor(whole: Journal, content: Content, today: string, period: StatsRange = {}): Insight[] {
  const journal = inRange(whole, period);
  const rejections = journal.entries.filter(isRejection);
  const patterns = detectPatterns(rejections, today, content.feedbackThemes);
  const fit = (signal: Signal, detail: Detail = {}) => strategiesFor(content.strategies, signal, detail);
  const insights: Insight[] = [];

  const low = patterns.find((pattern) => pattern.signal === "low-mood-streak");
  if (low) {
    insights.push({
      group: "wellbeing",
      kind: "low-mood-streak",
      data: { lowMoods: low.lowMoods, of: low.of },
      strategies: fit("low-mood-streak"),
    });
  }

  for (const progress of progressInsights(journal, rejections, today, { whole, period })) {
    const detail = progress.kind === "furthest-stage" ? { stage: progress.data.stage } : {};
    insights.push({ ...progress, strategies: fit("progress", detail) });
  }

  for (const pattern of patterns) {
    if (!(PATTERN_KINDS as readonly string[]).includes(pattern.signal)) continue;
    const { signal, ...data } = pattern;
    const detail: Detail = {
      stage: "stage" in pattern ? pattern.stage : undefined,
      reason: "reason" in pattern ? pattern.reason : undefined,
    };
    insights.push({ group: "pattern", kind: signal, data, strategies: fit(signal, detail) } as PatternInsight);
  }
  return insights;
}

/**
 * Reframes that rest on facts in the journal; none of them fires on a hope.
 * `journal` is what the period holds; `whole` the journal it was taken from.
 */
function progressInsights(
  journal: Journal,
  rejections: RejectionEntry[],
  today: string,
  { whole = journal, period = {} }: { whole?: Journal; period?: StatsRange } = {},
): Progress[] {
  const found: Progress[] = [];
  const cutoff = addDays(today, -REFRAME_RULES.recentDays);

  const recentBest = furthestStage(rejections.filter((entry) => entry.date > cutoff && entry.date <= today));
  const earlierBest = furthestStage(rejections.filter((entry) => entry.date <= cutoff));
  if (recentBest && earlierBest && stageRank(recentBest) > stageRank(earlierBest)) {
    found.push({
      group: "progress",
      kind: "furthest-stage",
      data: { stage: recentBest, previousBest: earlierBest, days: REFRAME_RULES.recentDays },
    });
  }

  const recoveries = [...rejections]
    .sort((a, b) => byText(a.date, b.date) || byText(a.createdAt, b.createdAt))
    .flatMap((entry) => recoveryOf(entry)?.daysToRecover ?? []);
  if (recoveries.length >= REFRAME_RULES.minRecoveries) {
    const half = Math.floor(recoveries.length / 2);
    const earlier = median(recoveries.slice(0, recoveries.length - half))!;
    const recent = median(recoveries.slice(recoveries.length - half))!;
    if (recent < earlier) {
      found.push({
        group: "progress",
        kind: "faster-recovery",
        data: { recentMedianDays: recent, earlierMedianDays: earlier, recoveries: recoveries.length },
      });
    }
  }

  const wins = journal.entries.filter(isWin).filter((entry) => entry.date <= today);
  // A total is the whole journal's, so "in all" never means "in the period shown".
  const total = whole.entries.filter(isWin).length;
  if (period.since && period.since > cutoff) {
    // The period starts inside the window: "in the last 30 days" would count days it leaves out.
    if (wins.length >= REFRAME_RULES.recentWins) {
      found.push({
        group: "progress",
        kind: "wins-in-period",
        data: { count: wins.length, total, since: period.since, until: period.until ?? null },
      });
    }
    return found;
  }
  const recentWins = wins.filter((entry) => entry.date > cutoff).length;
  if (recentWins >= REFRAME_RULES.recentWins) {
    const filtered = Boolean(period.since || period.until);
    found.push({
      group: "progress",
      kind: "wins-accumulating",
      data: { recent: recentWins, total, days: REFRAME_RULES.recentDays, ...(filtered && { filtered }) },
    });
  }
  return found;
}

interface Detail {
  stage?: Stage;
  reason?: Reason;
}

/**
 * The strategies whose `fits.signals` name this signal: first those that also
 * fit the stage or reason in question, then the more specific (fewer signals),
 * then in content order. Chosen by the content alone, never by id.
 */
export function strategiesFor(
  strategies: readonly Strategy[],
  signal: Signal,
  detail: Detail = {},
  limit: number = REFRAME_RULES.strategiesPerInsight,
): string[] {
  const matches = (strategy: Strategy) =>
    Number(Boolean(detail.stage && strategy.fits.stages?.includes(detail.stage))) +
    Number(Boolean(detail.reason && strategy.fits.reasons?.includes(detail.reason)));
  return strategies
    .map((strategy, index) => ({ strategy, index }))
    .filter(({ strategy }) => strategy.fits.signals?.includes(signal))
    .sort(
      (a, b) =>
        matches(b.strategy) - matches(a.strategy) ||
        a.strategy.fits.signals!.length - b.strategy.fits.signals!.length ||
        a.index - b.index,
    )
    .slice(0, limit)
    .map(({ strategy }) => strategy.id);
}
