import { toDay } from "../journal/dates.js";

/**
 * C0 and C1 control characters except tab, newline and carriage return. In a
 * Markdown note or a spreadsheet cell they do nothing useful, and printed by
 * `cat` they could drive the terminal; they are shown as visible escapes instead.
 * (JSON and YAML keep them, escaped by their own syntax, so nothing is lost there.)
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export const cleanText = (text: string): string =>
  text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`);

/** On one line: for headings, table cells and file names. */
export const cleanLine = (text: string): string => cleanText(text).replace(/\s*[\r\n]+\s*/g, " ");

/** The calendar day of an ISO timestamp, in the person's local time zone. */
export const dayOf = (instant: string): string => toDay(new Date(instant));
