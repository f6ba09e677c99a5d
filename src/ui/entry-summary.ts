import type { RejectionFields, WinFields } from "../journal/make-entry.js";
import { ENDING_NAMES, REASON_NAMES, STAGE_NAMES, WIN_KIND_NAMES } from "./labels.js";
import { safeLine } from "./safe-text.js";
import { theme } from "./theme.js";
import { symbols } from "./symbols.js";
import { MOOD_MAX } from "../journal/vocabulary.js";

/** Typed text on one safe line; empty shows as a dash. */
export const shown = (text: string | undefined): string => (text?.trim() ? safeLine(text.trim()) : symbols().none);
export const shownList = (items: readonly string[]): string =>
  items.length ? items.map(safeLine).join(", ") : symbols().none;

export function describeRejectionField(key: keyof RejectionFields, fields: Partial<RejectionFields>): string {
  switch (key) {
    case "stage":
      return fields.stage ? STAGE_NAMES[fields.stage] : symbols().none;
    case "ended":
      return fields.ended ? ENDING_NAMES[fields.ended] : symbols().none;
    case "mood":
      return fields.mood === undefined ? symbols().none : `${fields.mood} of ${MOOD_MAX}`;
    case "reasons":
      return shownList((fields.reasons ?? []).map((reason) => REASON_NAMES[reason]));
    case "emotions":
    case "tags":
      return shownList(fields[key] ?? []);
    default:
      return shown(fields[key]);
  }
}

export function describeWinField(key: keyof WinFields, fields: Partial<WinFields>): string {
  switch (key) {
    case "winKind":
      return fields.winKind ? WIN_KIND_NAMES[fields.winKind] : symbols().none;
    case "tags":
      return shownList(fields.tags ?? []);
    default:
      return shown(fields[key]);
  }
}

/** Label and value in two aligned columns, for the review before saving. */
export function summaryTable(rows: readonly [label: string, value: string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${theme.muted(label.padEnd(width))}  ${value}`).join("\n");
}
