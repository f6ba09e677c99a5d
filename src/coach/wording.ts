import type { VariantFits } from "../content/schema.js";
import { daysBetween } from "../journal/dates.js";
import type { Ending, Stage } from "../journal/vocabulary.js";

/** What decides which wording fits: how the process ended, how far it got, and how long ago. */
export interface WordingSituation {
  stage: Stage;
  ended: Ending;
  /** Whole days from the rejection's date to today. */
  age: number;
}

/**
 * Up to this many days after the rejection's date, "in a day or two" and
 * "today" still describe the news; past it the coach speaks of it as older.
 */
const JUST_HAPPENED_DAYS = 1;

/** Days from the rejection's date to `today` (both YYYY-MM-DD); never negative. */
export const daysSince = (date: string, today: string): number => Math.max(0, daysBetween(date, today));

/** Whether the news is recent enough for "in a day or two" to still lie ahead. */
export const justHappened = (age: number): boolean => age <= JUST_HAPPENED_DAYS;

/** Whether a variant's conditions all hold for this rejection. */
function variantFits(fits: VariantFits, situation: WordingSituation): boolean {
  if (fits.stages && !fits.stages.includes(situation.stage)) return false;
  if (fits.endings && !fits.endings.includes(situation.ended)) return false;
  if (fits.age && (situation.age < fits.age.min || (fits.age.max !== undefined && situation.age > fits.age.max)))
    return false;
  return true;
}

/**
 * The item with the wording of its first fitting variant laid over it, so a
 * ghosting or a rejection from weeks ago is spoken of as what it is. The
 * content holds every wording; this only picks. Without a fitting variant the
 * item's own wording stands.
 */
export function fitWording<T extends { variants?: readonly ({ fits: VariantFits } & Partial<T>)[] }>(
  item: T,
  situation: WordingSituation,
): T {
  const variant = item.variants?.find((candidate) => variantFits(candidate.fits, situation));
  if (!variant) return item;
  const { fits: _fits, ...wording } = variant;
  return { ...item, ...wording };
}
