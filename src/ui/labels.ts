// The journal's vocabularies in the words a person would use; the journal keeps
// the short values. Each vocabulary is worded here once. Where it needs more than
// one form, the sets are named by where they go:
//   *_NAMES    a value on its own: in summaries, and as an answer at a prompt
//   *_CHOICES  an answer at a prompt, where the name alone would not say enough
//   *_PHRASES  a noun phrase that sits inside one of the coach's sentences
import type { Signal } from "../content/vocabulary.js";
import type { RejectionFields } from "../journal/make-entry.js";
import { MONTH_NAMES, WEEKDAY_NAMES, fromDay } from "../journal/dates.js";
import {
  MOOD_MAX,
  MOOD_MIN,
  type Ending,
  type FIT_ANSWERS,
  type Reason,
  type Stage,
  type WinKind,
} from "../journal/vocabulary.js";

export type FitAnswer = (typeof FIT_ANSWERS)[number];

// Stages

/** Each field of a rejection as the summaries name it. */
export const REJECTION_LABELS: Record<keyof RejectionFields, string> = {
  company: "Company",
  role: "Role",
  stage: "Stage reached",
  ended: "How it ended",
  date: "Date",
  reasonGiven: "Reason given",
  reasons: "Likely reasons",
  mood: "Mood",
  emotions: "Feelings",
  tags: "Tags",
  note: "Note",
};

export const STAGE_NAMES: Record<Stage, string> = {
  applied: "Applied",
  screening: "Screening",
  interview: "Interview",
  assessment: "Assessment",
  final: "Final round",
  offer: "Offer",
};

const STAGE_HINTS: Partial<Record<Stage, string>> = {
  applied: "it ended before any conversation",
  screening: "a first call or recruiter chat",
  interview: "one or more interviews",
  assessment: "a task, test or take-home",
  offer: "it fell through at or after the offer",
};

/** "Screening: a first call or recruiter chat": the name, then what it means. */
export const stageChoice = (stage: Stage): string =>
  STAGE_HINTS[stage] ? `${STAGE_NAMES[stage]}: ${STAGE_HINTS[stage]}` : STAGE_NAMES[stage];

/** Where a process ended, as a point in it: "interview stage", "final round". */
export const STAGE_POINTS: Record<Stage, string> = {
  applied: "application stage",
  screening: "screening stage",
  interview: "interview stage",
  assessment: "assessment stage",
  final: "final round",
  offer: "offer stage",
};

/** "at the interview stage", "in the final round" */
export const atStage = (stage: Stage): string => `${stage === "final" ? "in" : "at"} the ${STAGE_POINTS[stage]}`;

/** How far a search got, as something reached: "as far as an interview". */
export const STAGE_REACHED: Record<Stage, string> = {
  applied: "the application",
  screening: "a screening",
  interview: "an interview",
  assessment: "an assessment",
  final: "a final round",
  offer: "an offer",
};

// Endings

export const ENDING_NAMES: Record<Ending, string> = {
  rejected: "They said no",
  ghosted: "They stopped replying",
  "role-closed": "The role was closed, canceled or frozen",
};

/** How an ending reads after "questions people find useful": a silence is not a no. */
export const AFTER_ENDING: Record<Ending, string> = {
  rejected: "after a no",
  ghosted: "when a company goes quiet",
  "role-closed": "when a role closes",
};

export const ENDING_PHRASES: Record<Ending, string> = {
  rejected: "a clear no",
  ghosted: "being left without an answer",
  "role-closed": "a role that closed",
};

// Likely reasons

export const REASON_CHOICES: Record<Reason, string> = {
  skills: "Skills or experience did not match what they wanted",
  interview: "How an interview went",
  culture: "Team or culture fit",
  competition: "Someone else was a closer match",
  salary: "Salary or terms",
  internal: "They chose an internal candidate",
  cancelled: "The role was canceled or put on hold",
  unknown: "I don't know",
};

/** Short names, for summaries and lists where the full choice would not fit. */
export const REASON_NAMES: Record<Reason, string> = {
  skills: "skills or experience",
  interview: "the interview",
  culture: "team or culture fit",
  competition: "a closer match",
  salary: "salary or terms",
  internal: "an internal candidate",
  cancelled: "role canceled",
  unknown: "not known",
};

export const REASON_PHRASES: Record<Reason, string> = {
  skills: "a skills gap",
  interview: "how an interview went",
  culture: "team or culture fit",
  competition: "a closer-matched candidate",
  salary: "salary or terms",
  internal: "an internal candidate",
  cancelled: "a canceled role",
  unknown: "not knowing why",
};

// Wins, fit, mood

export const WIN_KIND_NAMES: Record<WinKind, string> = {
  interview: "An interview secured",
  feedback: "Good feedback",
  application: "An application sent",
  skill: "A skill learned",
  other: "Something else",
};

export const FIT_CHOICES: Record<FitAnswer, string> = {
  yes: "Yes, it fit well",
  partly: "Partly",
  no: "No, not really",
  unsure: "I'm not sure",
};

/** The mood scale's ends, said the same way everywhere. */
export const MOOD_SCALE = `${MOOD_MIN} is awful, ${MOOD_MAX} is fine`;

// Patterns the coach can notice across the journal

export const SIGNAL_PHRASES: Record<Signal, string> = {
  "first-rejection": "a first rejection",
  "low-mood-streak": "several low days in a row",
  "recurring-stage": "a stage that keeps coming up",
  "recurring-reason": "a reason that keeps coming up",
  "recurring-trap": "a thinking habit that keeps coming up",
  "feedback-theme": "a theme in your feedback",
  "long-search": "a long search",
  progress: "getting further than before",
};

/** Months as British English shortens them ("Sept"), the way days are written. */
export const MONTH_ABBREVIATIONS = MONTH_NAMES.map((name) => (name === "September" ? "Sept" : name.slice(0, 3)));

/**
 * The one way days are written for a person: "Mon 2 Nov", with the year when it
 * is not this year ("Mon 2 Nov 2025") or when asked for, as a typed date is
 * confirmed. Day before month, in words, so no reader can take it the other way.
 */
export function formatDay(day: string, today: Date = new Date(), options: { year?: boolean } = {}): string {
  const date = fromDay(day);
  const weekday = WEEKDAY_NAMES[date.getDay()]!.slice(0, 3);
  const month = MONTH_ABBREVIATIONS[date.getMonth()]!;
  const showYear = options.year ?? date.getFullYear() !== today.getFullYear();
  return `${weekday} ${date.getDate()} ${month}${showYear ? ` ${date.getFullYear()}` : ""}`;
}

/** "Tuesday 1 December 2026": a day in full, for saying how a typed date was understood. */
export function formatDayInFull(day: string): string {
  const date = fromDay(day);
  const weekday = WEEKDAY_NAMES[date.getDay()]!;
  const month = MONTH_NAMES[date.getMonth()]!;
  return `${weekday} ${date.getDate()} ${month} ${date.getFullYear()}`;
}
