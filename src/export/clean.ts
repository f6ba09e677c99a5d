import { toDay } from "../journal/dates.js";
import { showInvisible } from "./invisible.js";

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

/**
 * For Markdown, which is read as much in a terminal as in a notes app: a
 * carriage return on its own would move the cursor back over the line (text
 * after it hides what came before), so it becomes the line break a Markdown
 * reader takes it for; bidi controls and zero-width characters are shown by name.
 */
export const visibleText = (text: string): string => cleanText(showInvisible(text.replace(/\r\n?/g, "\n")));

/** The same, on one line. */
export const visibleLine = (text: string): string => visibleText(text).replace(/\s*\n+\s*/g, " ");

/** The calendar day of an ISO timestamp, in the person's local time zone. */
export const dayOf = (instant: string): string => toDay(new Date(instant));
