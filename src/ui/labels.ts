import type { Reason, Stage } from "../journal/vocabulary.js";
import type { FIT_ANSWERS } from "../journal/vocabulary.js";
import { fromDay } from "../journal/dates.js";

export type FitAnswer = (typeof FIT_ANSWERS)[number];

/** How the person would say each likely reason, for lists and choices. */
export const REASON_LABELS: Record<Reason, string> = {
  skills: "Skills or experience they wanted",
  interview: "How the interviews went",
  culture: "Culture or team fit",
  competition: "A stronger candidate",
  salary: "Salary expectations",
  internal: "An internal candidate",
  cancelled: "The role was cancelled or frozen",
  unknown: "No reason known",
};

/** Where a process ended, as a label: "interview stage", "final round". */
export const STAGE_LABELS: Record<Stage, string> = {
  applied: "application stage",
  screening: "screening stage",
  interview: "interview stage",
  assessment: "assessment stage",
  final: "final round",
  offer: "offer stage",
};

/** "a no at the interview stage", "a no in the final round" */
export const atStage = (stage: Stage): string => `${stage === "final" ? "in" : "at"} the ${STAGE_LABELS[stage]}`;

export const FIT_LABELS: Record<FitAnswer, string> = {
  yes: "Yes, it fit well",
  partly: "Partly",
  no: "No, not really",
  unsure: "I'm not sure",
};

/** "Mon 2 Nov" for a YYYY-MM-DD day; "Mon 2 Nov 2026" when it is not in this year. */
export function formatDay(day: string, today = new Date()): string {
  const date = fromDay(day);
  const weekday = date.toLocaleDateString("en-GB", { weekday: "short" });
  const month = date.toLocaleDateString("en-GB", { month: "short" });
  const year = date.getFullYear() === today.getFullYear() ? "" : ` ${date.getFullYear()}`;
  return `${weekday} ${date.getDate()} ${month}${year}`;
}
