import { FIRST_YEAR, LAST_YEAR, addDays, byText, daysBetween, weekdayOf } from "../journal/dates.js";
import { isRejection, isWin, type Entry, type Journal, type RejectionEntry } from "../journal/entry.js";
import { mean, round1 } from "./averages.js";
import { recovery, type Recovery } from "./recovery.js";
import {
  ENDINGS,
  REASONS,
  STAGES,
  WIN_KINDS,
  stageRank,
  type Ending,
  type Reason,
  type Stage,
  type WinKind,
} from "../journal/vocabulary.js";

/**
 * The figures behind `stats`, as one plain object. Its shape is a promise to
 * scripts (`stats --json`): add fields freely, but rename or remove one only
 * with a new `version`. The README documents every field.
 */
const STATS_VERSION = 1;
/** Spans up to this many days are counted per week; longer ones per month. */
const WEEKLY_SPAN_DAYS = 84;

export interface StatsRange {
  /** First day to include (YYYY-MM-DD), by the day each entry happened. */
  since?: string;
  /** Last day to include. */
  until?: string;
}

export interface Stats {
  version: typeof STATS_VERSION;
  range: { since: string | null; until: string | null; today: string; first: string | null; last: string | null };
  totals: { rejections: number; wins: number };
  funnel: {
    /** Every stage in hiring order, with how many rejections ended there. */
    stages: { stage: Stage; count: number }[];
    furthest: Stage | null;
    /** Months with rejections, oldest first: how far they got that month. */
    byMonth: { month: string; rejections: number; furthest: Stage; averageRank: number }[];
  };
  endings: { ending: Ending; count: number }[];
  reasons: { reason: Reason; count: number }[];
  activity: {
    unit: "week" | "month";
    periods: { period: string; start: string; rejections: number; wins: number }[];
  };
  mood: { average: number | null; latest: number | null; points: { date: string; id: string; mood: number }[] };
  recovery: Recovery;
  wins: { count: number; byKind: { kind: WinKind; count: number }[]; streakWeeks: number };
  reflections: { done: number; pending: number };
  actions: { open: number; overdue: number; done: number; items: OpenAction[] };
}

export interface OpenAction {
  entryId: string;
  company: string;
  /** A win's title, for a step planned on a win. */
  title?: string;
  id: string;
  text: string;
  due: string | null;
  overdue: boolean;
}

/** The entries whose day falls inside the range (both ends included). */
export function inRange(journal: Journal, range: StatsRange): Journal {
  const entries = journal.entries.filter(
    (entry) => (!range.since || entry.date >= range.since) && (!range.until || entry.date <= range.until),
  );
  return { ...journal, entries };
}

/**
 * Every figure of the dashboard for the entries in `range`. `today` (YYYY-MM-DD)
 * decides what is overdue and where the current streak ends. Pure.
 */
export function computeStats(journal: Journal, range: StatsRange, today: string): Stats {
  const entries = inRange(journal, range).entries;
  const rejections = chronological(entries.filter(isRejection));
  const wins = chronological(entries.filter(isWin));
  const days = entries.map((entry) => entry.date).sort();
  const asOf = range.until && range.until < today ? range.until : today;

  return {
    version: STATS_VERSION,
    range: {
      since: range.since ?? null,
      until: range.until ?? null,
      today,
      first: days[0] ?? null,
      last: days[days.length - 1] ?? null,
    },
    totals: { rejections: rejections.length, wins: wins.length },
    funnel: funnel(rejections),
    endings: ranked(
      ENDINGS,
      rejections.map((entry) => entry.ended),
    ).map(([ending, count]) => ({ ending, count })),
    reasons: ranked(
      REASONS,
      rejections.flatMap((entry) => entry.reasons),
    ).map(([reason, count]) => ({ reason, count })),
    activity: activity(entries, days, asOf),
    mood: mood(rejections),
    recovery: recovery(rejections),
    wins: {
      count: wins.length,
      byKind: ranked(
        WIN_KINDS,
        wins.map((entry) => entry.winKind),
      ).map(([kind, count]) => ({ kind, count })),
      streakWeeks: weekStreak(days, asOf),
    },
    reflections: {
      done: rejections.filter((entry) => entry.reflection).length,
      pending: rejections.filter((entry) => !entry.reflection).length,
    },
    actions: actions([...rejections, ...wins], today),
  };
}

function funnel(rejections: RejectionEntry[]): Stats["funnel"] {
  const stages = STAGES.map((stage) => ({ stage, count: rejections.filter((entry) => entry.stage === stage).length }));
  const byMonth = new Map<string, RejectionEntry[]>();
  for (const entry of rejections) {
    const month = entry.date.slice(0, 7);
    const inMonth = byMonth.get(month);
    // Push into the month's own list: copying it per entry made a busy month quadratic.
    if (inMonth) inMonth.push(entry);
    else byMonth.set(month, [entry]);
  }
  return {
    stages,
    furthest: furthestStage(rejections),
    byMonth: [...byMonth].map(([month, inMonth]) => ({
      month,
      rejections: inMonth.length,
      furthest: furthestStage(inMonth)!,
      averageRank: round1(mean(inMonth.map((entry) => stageRank(entry.stage)))!),
    })),
  };
}

/** The latest stage any of these reached, or null for none. */
export function furthestStage(rejections: readonly RejectionEntry[]): Stage | null {
  let best: Stage | null = null;
  for (const entry of rejections) if (best === null || stageRank(entry.stage) > stageRank(best)) best = entry.stage;
  return best;
}

function activity(entries: Journal["entries"], days: string[], asOf: string): Stats["activity"] {
  if (days.length === 0) return { unit: "week", periods: [] };
  // Every period from the first day to today is listed, so the walk follows the span of
  // dates, not the number of entries: keep it within the years a journal accepts.
  const from = clampDay(days[0]!);
  const to = clampDay(days[days.length - 1]! > asOf ? days[days.length - 1]! : asOf);
  const periods: Stats["activity"]["periods"] = [];
  const byStart = new Map<string, Stats["activity"]["periods"][number]>();
  const unit = daysBetween(from, to) <= WEEKLY_SPAN_DAYS ? "week" : "month";
  if (unit === "week") {
    for (let start = weekStart(from); start <= to; start = addDays(start, 7)) periods.push(period(start, start));
  } else {
    for (let month = monthIndex(from); month <= monthIndex(to); month++) {
      const start = monthStart(month);
      periods.push(period(start.slice(0, 7), start));
    }
  }
  for (const item of periods) byStart.set(item.start, item);
  const startOf = unit === "week" ? weekStart : (day: string) => `${day.slice(0, 7)}-01`;
  for (const entry of entries) {
    // Only a day outside the accepted years has no period; it has no place on the chart either.
    const item = byStart.get(startOf(entry.date));
    if (!item) continue;
    if (isRejection(entry)) item.rejections++;
    else item.wins++;
  }
  return { unit, periods };
}

const period = (name: string, start: string) => ({ period: name, start, rejections: 0, wins: 0 });

const FIRST_DAY = `${FIRST_YEAR}-01-01`;
const LAST_DAY = `${LAST_YEAR}-12-31`;
const clampDay = (day: string): string => (day < FIRST_DAY ? FIRST_DAY : day > LAST_DAY ? LAST_DAY : day);

/** Months counted from year 0, so a span of them is walked with plain numbers. */
const monthIndex = (day: string): number => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthStart = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;

function mood(rejections: RejectionEntry[]): Stats["mood"] {
  const points = rejections.map((entry) => ({ date: entry.date, id: entry.id, mood: entry.mood }));
  const average = mean(points.map((point) => point.mood));
  return {
    average: average === null ? null : round1(average),
    latest: points[points.length - 1]?.mood ?? null,
    points,
  };
}

/**
 * Consecutive weeks (Monday to Sunday) with at least one entry, ending with the
 * week of `asOf`. A week still under way does not break the streak: if it has
 * nothing yet, counting starts from the week before.
 */
export function weekStreak(days: readonly string[], asOf: string): number {
  const active = new Set(days.filter((day) => day <= asOf).map(weekStart));
  let week = weekStart(asOf);
  if (!active.has(week)) week = addDays(week, -7);
  let streak = 0;
  for (; active.has(week); week = addDays(week, -7)) streak++;
  return streak;
}

function actions(entries: Entry[], today: string): Stats["actions"] {
  const all = entries.flatMap((entry) => entry.actions.map((action) => ({ entry, action })));
  const items: OpenAction[] = all
    .filter(({ action }) => !action.doneAt)
    .map(({ entry, action }) => ({
      entryId: entry.id,
      company: entry.company ?? "",
      ...(entry.kind === "win" ? { title: entry.title } : {}),
      id: action.id,
      text: action.text,
      due: action.due ?? null,
      overdue: action.due !== undefined && action.due < today,
    }))
    // Dated ones first, soonest first; undated keep the order they were made in.
    .sort((a, b) => byText(a.due ?? "9999", b.due ?? "9999"));
  return {
    open: items.length,
    overdue: items.filter((item) => item.overdue).length,
    done: all.length - items.length,
    items,
  };
}

/** Monday of the week a day falls in. */
export function weekStart(day: string): string {
  const weekday = (weekdayOf(day) + 6) % 7;
  return addDays(day, -weekday);
}

/** Counts of each value that occurs, most frequent first; ties in vocabulary order. */
function ranked<T extends string>(vocabulary: readonly T[], values: readonly T[]): [T, number][] {
  return vocabulary
    .map((value): [T, number] => [value, values.filter((item) => item === value).length])
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
}

const chronological = <T extends Journal["entries"][number]>(entries: T[]): T[] =>
  [...entries].sort((a, b) => byText(a.date, b.date) || byText(a.createdAt, b.createdAt));
