import { isRejection, type Entry } from "../journal/entry.js";
import { safeLine } from "./safe-text.js";
import { symbols } from "./symbols.js";

/**
 * An entry named within a sentence: "Acme · Backend Engineer", or "win: First
 * interview at Acme". describeEntry (entry-view) is the same with the day before
 * it and the id after it, for confirmations that stand on their own line.
 */
export const entryLabel = (entry: Entry): string =>
  isRejection(entry)
    ? `${safeLine(entry.company)} ${symbols().separator} ${safeLine(entry.role)}`
    : `win: ${safeLine(entry.title)}`;
