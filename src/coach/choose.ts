import type { Strategy } from "../content/schema.js";
import type { Phase, Signal } from "../content/vocabulary.js";
import { ENDINGS, STAGES, type Emotion, type Ending, type Reason, type Stage } from "../journal/vocabulary.js";
import { isLowMood, signalsOf, type Pattern } from "./signals.js";
import { fitWording } from "./wording.js";

/** What the coach knows about the rejection just logged. */
export interface Situation {
  stage: Stage;
  ended: Ending;
  reasons: readonly Reason[];
  mood: number;
  emotions: readonly Emotion[];
  /** Days since the rejection's date; the wording of a card follows it. Absent means it just happened. */
  age?: number;
}

/**
 * One strategy the coach offers, with why, as short machine-readable tags:
 * `low-mood-first`, `stage:final`, `ending:ghosted`, `reason:skills`,
 * `emotion:sad`, `signal:low-mood-streak`.
 */
export interface Choice {
  strategy: Strategy;
  score: number;
  because: string[];
}

/**
 * How much each kind of match is worth. A named reason says more than a
 * feeling. `stage` and `ending` are paid in full to a strategy that names only
 * this stage or ending, and less the more it names.
 */
const WEIGHTS = { reason: 2, emotion: 1, stage: 2, ending: 3, focus: 1 } as const;

/**
 * Signals are patterns across the whole journal, so they weigh most. A run of
 * low days is about the person's wellbeing, which comes before anything else
 * the journal shows. A strategy earns the average over the signals it lists
 * (one written for exactly this pattern beats one that lists it among others),
 * and `focus` on top when every signal it lists is present.
 */
const SIGNAL_WEIGHTS: Record<Signal, number> = {
  "low-mood-streak": 5,
  "first-rejection": 3,
  "recurring-stage": 3,
  "recurring-reason": 3,
  "recurring-trap": 3,
  "feedback-theme": 3,
  "long-search": 3,
  progress: 3,
};

const DEFAULT_PICKS = 3;

/** A mood at or below the low-mood line: the coach starts with feeling, and speaks more gently. */

/**
 * Every strategy that fits the situation, best first. `fits.stages`,
 * `fits.endings` and `fits.mood` are hard filters; reasons, emotions and the
 * journal's signals raise the score. Ties keep the content's own order, so the
 * same journal always gives the same list.
 */
export function rankStrategies(
  situation: Situation,
  strategies: readonly Strategy[],
  patterns: readonly Pattern[],
): Choice[] {
  const signals = signalsOf(patterns);
  const scored: (Choice & { order: number })[] = [];
  strategies.forEach((strategy, order) => {
    const choice = score(strategy, situation, signals);
    if (choice) scored.push({ ...choice, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ strategy, score, because }) => ({ strategy, score, because }));
}

/**
 * The two or three strategies to show after a rejection is logged. The first
 * card follows the person's mood and feelings: the best-ranked strategy whose
 * `first` conditions hold. On a low day (mood at or below RULES.lowMood) it is
 * always a feel-phase one. After that the picks spread over phases: a second
 * strategy from a phase already shown is taken only when no other phase has
 * anything that fits. Each card is worded for the rejection's ending and age.
 */
export function chooseStrategies(
  situation: Situation,
  strategies: readonly Strategy[],
  patterns: readonly Pattern[],
  count: number = DEFAULT_PICKS,
): Choice[] {
  // Ranked best first, so anything that matched comes before what merely passes the filters.
  const pool = rankStrategies(situation, strategies, patterns);
  const picks: Choice[] = [];
  const take = (choice: Choice | undefined, tag?: string) => {
    if (!choice) return;
    picks.push(tag ? { ...choice, because: [tag, ...choice.because] } : choice);
    pool.splice(pool.indexOf(choice), 1);
  };

  const lowDay = isLowMood(situation.mood);
  const allowed = (choice: Choice) => !lowDay || choice.strategy.phase === "feel";
  const lead =
    pool.find((choice) => allowed(choice) && leadsNow(choice.strategy, situation)) ??
    (lowDay ? pool.find(allowed) : undefined);
  take(lead, lowDay ? "low-mood-first" : undefined);
  while (picks.length < count && pool.length > 0) {
    const shown = new Set<Phase>(picks.map((choice) => choice.strategy.phase));
    const matched = pool.filter((choice) => choice.score > 0);
    const from = matched.length > 0 ? matched : pool;
    take(from.find((choice) => !shown.has(choice.strategy.phase)) ?? from[0]);
  }
  const wording = { stage: situation.stage, ended: situation.ended, age: situation.age ?? 0 };
  return picks.map((choice) => ({ ...choice, strategy: fitWording(choice.strategy, wording) }));
}

/** Whether any of the strategy's `first` conditions holds: the mood in range and, if listed, a feeling named. */
function leadsNow(strategy: Strategy, situation: Situation): boolean {
  return (strategy.first ?? []).some(
    (lead) =>
      (!lead.mood || (situation.mood >= lead.mood.min && situation.mood <= lead.mood.max)) &&
      (!lead.emotions || lead.emotions.some((emotion) => situation.emotions.includes(emotion))),
  );
}

function score(strategy: Strategy, situation: Situation, signals: ReadonlySet<Signal>): Choice | undefined {
  const { fits } = strategy;
  if (fits.stages && !fits.stages.includes(situation.stage)) return undefined;
  if (fits.endings && !fits.endings.includes(situation.ended)) return undefined;
  if (fits.mood && (situation.mood < fits.mood.min || situation.mood > fits.mood.max)) return undefined;

  let total = 0;
  const because: string[] = [];
  // A filter that names few stages or endings is about this situation; one that names them all is not.
  if (fits.stages) {
    total += WEIGHTS.stage * narrowness(fits.stages.length, STAGES.length);
    if (fits.stages.length < STAGES.length) because.push(`stage:${situation.stage}`);
  }
  if (fits.endings) {
    total += WEIGHTS.ending * narrowness(fits.endings.length, ENDINGS.length);
    if (fits.endings.length < ENDINGS.length) because.push(`ending:${situation.ended}`);
  }
  const dimensions = [
    ["reason", fits.reasons, situation.reasons],
    ["emotion", fits.emotions, situation.emotions],
  ] as const;
  for (const [name, listed, present] of dimensions) {
    const matched = listed?.filter((item) => (present as readonly string[]).includes(item)) ?? [];
    total += WEIGHTS[name] * matched.length;
    because.push(...matched.map((item) => `${name}:${item}`));
  }
  const matchedSignals = fits.signals?.filter((signal) => signals.has(signal)) ?? [];
  if (fits.signals && matchedSignals.length > 0) {
    const sum = matchedSignals.reduce((total, signal) => total + SIGNAL_WEIGHTS[signal], 0);
    total += sum / fits.signals.length + (matchedSignals.length === fits.signals.length ? WEIGHTS.focus : 0);
    because.push(...matchedSignals.map((signal) => `signal:${signal}`));
  }
  return { strategy, score: round(total), because };
}

/** 1 for a list of one value, a half for two, and nothing for a list of every value. */
const narrowness = (listed: number, of: number): number => (listed >= of ? 0 : 1 / listed);

const round = (value: number): number => Math.round(value * 1000) / 1000;
