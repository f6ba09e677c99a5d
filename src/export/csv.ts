import { isRejection, type Entry } from "../journal/entry.js";
import { cleanText } from "./clean.js";

/** The columns, in order: the main fields of both kinds; a cell a kind does not have is empty. */
export const CSV_COLUMNS = [
  "id",
  "kind",
  "date",
  "company",
  "role",
  "stage",
  "ended",
  "reasons",
  "mood",
  "emotions",
  "tags",
  "reason_given",
  "note",
  "reflected",
  "open_actions",
  "title",
  "win_kind",
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

const list = (items: readonly string[]): string => items.join(";");

function rowOf(entry: Entry): Row {
  const common = {
    id: entry.id,
    kind: entry.kind,
    date: entry.date,
    company: entry.company ?? "",
    tags: list(entry.tags),
    note: entry.note ?? "",
  };
  if (isRejection(entry)) {
    return {
      ...common,
      role: entry.role,
      stage: entry.stage,
      ended: entry.ended,
      reasons: list(entry.reasons),
      mood: String(entry.mood),
      emotions: list(entry.emotions),
      reason_given: entry.reasonGiven ?? "",
      reflected: entry.reflection ? "yes" : "no",
      open_actions: String(entry.actions.filter((action) => !action.doneAt).length),
      title: "",
      win_kind: "",
    };
  }
  return {
    ...common,
    role: "",
    stage: "",
    ended: "",
    reasons: "",
    mood: "",
    emotions: "",
    reason_given: "",
    reflected: "",
    // Blank, as before wins could have steps, unless one was planned on this win.
    open_actions: entry.actions.length ? String(entry.actions.filter((action) => !action.doneAt).length) : "",
    title: entry.title,
    win_kind: entry.winKind,
  };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula; a leading apostrophe makes it plain text.
 */
export function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: a cell with a comma, quote, CR or LF is quoted, its quotes doubled. */
export function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const line = (cells: readonly string[]): string =>
  cells.map((cell) => quoteCell(defuseFormula(cleanText(cell)))).join(",");

/** One header row, then one row per entry; every record ends in CRLF. */
export function formatCsv(entries: readonly Entry[]): string {
  const rows = entries.map((entry) => {
    const row = rowOf(entry);
    return line(CSV_COLUMNS.map((column) => row[column]));
  });
  return [line(CSV_COLUMNS), ...rows].map((row) => `${row}\r\n`).join("");
}
