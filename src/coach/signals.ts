import type { FeedbackTheme } from "../content/schema.js";
import type { Signal } from "../content/vocabulary.js";
import { daysBetween } from "../journal/dates.js";
import type { Reason, RejectionEntry, Stage } from "../journal/entry.js";
import { newestFirst } from "../journal/queries.js";
import { stageRank } from "../journal/vocabulary.js";

/** A pattern found across the journal, with what it is about. */
export type Pattern =
  | { signal: "first-rejection" }
  | { signal: "low-mood-streak"; lowMoods: number; of: number }
  | { signal: "recurring-stage"; stage: Stage; count: number; of: number }
  | { signal: "recurring-reason"; reason: Reason; count: number; of: number }
  | { signal: "recurring-trap"; trap: string; count: number; of: number }
  | { signal: "feedback-theme"; theme: string; count: number; of: number }
  | { signal: "long-search"; rejections: number; days: number }
  | { signal: "progress"; stage: Stage; previousBest: Stage };

/** The thresholds, in one place, so the rules read as the coach states them. */
export const RULES = {
  lowMood: 3,
  /** A mood of `lowMood` or less in `lowMoodCount` of the last `lowMoodWindow` rejections. */
  lowMoodCount: 3,
  lowMoodWindow: 4,
  /** The same stage or reason in `recurringCount` of the last `recurringWindow` rejections. */
  recurringCount: 3,
  recurringWindow: 5,
  /** The same thinking trap in `trapCount` of the last `recurringWindow` reflections. */
  trapCount: 2,
  longSearchRejections: 10,
  longSearchDays: 90,
  /** Progress: further than anything reached before this many days ago. */
  progressAfterDays: 30,
  /** A feedback theme in `feedbackThemeCount` of the last `recurringWindow` rejections with feedback. */
  feedbackThemeCount: 2,
} as const;

/** A mood the coach treats as a hard day: the one threshold every part of it uses. */
export const isLowMood = (mood: number): boolean => mood <= RULES.lowMood;

/**
 * The patterns in a person's rejections, the newest one included. `today` is
 * the reference day (YYYY-MM-DD). Feedback themes are looked for only when
 * `themes` (from content) are given. Pure: the same journal gives the same patterns.
 */
export function detectPatterns(
  all: readonly RejectionEntry[],
  today: string,
  themes: readonly FeedbackTheme[] = [],
): Pattern[] {
  const recent = newestFirst(all);
  const patterns: Pattern[] = [];
  if (recent.length === 0) return patterns;
  if (recent.length === 1) patterns.push({ signal: "first-rejection" });

  const moodWindow = recent.slice(0, RULES.lowMoodWindow);
  const lowMoods = moodWindow.filter((entry) => entry.mood <= RULES.lowMood).length;
  if (lowMoods >= RULES.lowMoodCount) patterns.push({ signal: "low-mood-streak", lowMoods, of: moodWindow.length });

  const window = recent.slice(0, RULES.recurringWindow);
  const stage = mostCommon(window.map((entry) => entry.stage));
  if (stage && stage.count >= RULES.recurringCount) {
    patterns.push({ signal: "recurring-stage", stage: stage.value, count: stage.count, of: window.length });
  }
  const reason = mostCommon(window.flatMap((entry) => entry.reasons.filter((r) => r !== "unknown")));
  if (reason && reason.count >= RULES.recurringCount) {
    patterns.push({ signal: "recurring-reason", reason: reason.value, count: reason.count, of: window.length });
  }

  const reflected = recent.filter((entry) => entry.reflection?.thought?.trap).slice(0, RULES.recurringWindow);
  const trap = mostCommon(reflected.map((entry) => entry.reflection!.thought!.trap!));
  if (trap && trap.count >= RULES.trapCount) {
    patterns.push({ signal: "recurring-trap", trap: trap.value, count: trap.count, of: reflected.length });
  }

  const withFeedback = recent.filter((entry) => feedbackText(entry).trim()).slice(0, RULES.recurringWindow);
  for (const { theme, count } of feedbackThemes(withFeedback, themes)) {
    if (count >= RULES.feedbackThemeCount) {
      patterns.push({ signal: "feedback-theme", theme, count, of: withFeedback.length });
    }
  }

  const first = recent[recent.length - 1]!;
  const days = daysBetween(first.date, today);
  if (recent.length >= RULES.longSearchRejections || (recent.length > 1 && days >= RULES.longSearchDays)) {
    patterns.push({ signal: "long-search", rejections: recent.length, days });
  }

  const latest = recent[0]!;
  const earlier = recent.filter((entry) => daysBetween(entry.date, latest.date) >= RULES.progressAfterDays);
  if (earlier.length > 0) {
    const previousBest = earlier.reduce(
      (best, entry) => (stageRank(entry.stage) > stageRank(best) ? entry.stage : best),
      earlier[0]!.stage,
    );
    if (stageRank(latest.stage) > stageRank(previousBest)) {
      patterns.push({ signal: "progress", stage: latest.stage, previousBest });
    }
  }
  return patterns;
}

/**
 * How many rejections mention each theme in their feedback or given reason,
 * most first (ties in content order). A rejection counts once per theme.
 */
export function feedbackThemes(
  all: readonly RejectionEntry[],
  themes: readonly FeedbackTheme[],
): { theme: string; count: number }[] {
  const matchers = themes.map((theme) => ({ id: theme.id, pattern: keywordPattern(theme.keywords) }));
  const counts = matchers.map(({ id, pattern }) => ({
    theme: id,
    count: all.filter((entry) => pattern.test(feedbackText(entry))).length,
  }));
  return counts.filter((item) => item.count > 0).sort((a, b) => b.count - a.count);
}

const feedbackText = (entry: RejectionEntry): string =>
  [entry.reasonGiven ?? "", ...entry.feedback.map((item) => item.text)].join("\n");

/** Words starting with any keyword; a keyword's spaces match any run of whitespace. */
function keywordPattern(keywords: readonly string[]): RegExp {
  const escaped = keywords.map((word) =>
    word
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/\s+/g, "\\s+"),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})`, "iu");
}

export const signalsOf = (patterns: readonly Pattern[]): Set<Signal> => new Set(patterns.map((p) => p.signal));

/** The most frequent value and how often it occurs; ties go to the most recent. */
function mostCommon<T>(values: readonly T[]): { value: T; count: number } | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: { value: T; count: number } | undefined;
  for (const [value, count] of counts) if (!best || count > best.count) best = { value, count };
  return best;
}
