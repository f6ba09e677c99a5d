import type { RejectionFields } from "../journal/make-entry.js";
import { reasonConflict, reasonsFor } from "../journal/reason-rules.js";
import type { Ending, Reason } from "../journal/vocabulary.js";
import type { EmailReading, Found } from "./read-email.js";

/** The fields an email can give, the ones the flags and questions also give, in the order they are asked. */
export const EMAIL_FIELDS = ["company", "role", "stage", "ended", "reasonGiven", "reasons"] as const;
export type EmailFields = Pick<RejectionFields, (typeof EMAIL_FIELDS)[number]>;

/** What an email gave: the fields, and for each guessed one the words it came from. */
export interface EmailSuggestion {
  fields: Partial<EmailFields>;
  /** "speaking with our team" for a stage of interview; one entry per reason, in order. */
  from: Partial<Record<Exclude<keyof EmailFields, "reasons">, string>> & { reasons?: Found<Reason>[] };
}

/**
 * The reading of an email as fields, fitted to what the person already said
 * (`given`, the flags): what they gave is never replaced, and a likely reason
 * that contradicts their ending is dropped rather than saved beside it.
 */
export function emailSuggestion(reading: EmailReading, given: Partial<RejectionFields> = {}): EmailSuggestion {
  const fields: Partial<EmailFields> = {};
  const from: EmailSuggestion["from"] = {};
  for (const key of ["company", "role", "stage", "ended"] as const) {
    const found = reading[key];
    if (!found || given[key] !== undefined) continue;
    // An ending the person's own reasons rule out is not suggested: they said why, the email only hinted.
    if (key === "ended" && given.reasons && reasonConflict(found.value as Ending, given.reasons)) continue;
    (fields as Record<string, unknown>)[key] = found.value;
    from[key] = found.from;
  }
  if (reading.reasonGiven && given.reasonGiven === undefined) fields.reasonGiven = reading.reasonGiven;
  if (given.reasons === undefined) {
    const ended = given.ended ?? fields.ended;
    const fitting = reading.reasons.filter((found) => reasonsFor(ended).includes(found.value));
    const reasons = fitting.map((found) => found.value);
    if (fitting.length > 0 && !reasonConflict(ended, reasons)) {
      fields.reasons = reasons;
      from.reasons = fitting;
    }
  }
  return { fields, from };
}
