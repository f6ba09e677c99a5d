import stringWidth from "fast-string-width";
import { symbols } from "./symbols.js";

/** A table cell: its plain text, and how to colour it once padded. */
export interface Cell {
  text: string;
  style?: (text: string) => string;
  /** Cut to this many columns, with an ellipsis. */
  max?: number;
}

// Made on the first cut: setting up a segmenter loads the locale data (ICU), which
// a listing that fits, or goes to a pipe, never needs.
let graphemes: Intl.Segmenter | undefined;

/** Cuts text to `max` terminal columns without splitting a character or an emoji. */
export function truncate(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  const { ellipsis } = symbols();
  // Where even the ellipsis does not fit, part of it stands for the cut.
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(1, max));
  let out = "";
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(text)) {
    if (stringWidth(out + segment) > max - ellipsis.length) break;
    out += segment;
  }
  return `${out}${ellipsis}`;
}

/**
 * Rows of cells as aligned columns, two spaces apart, measured by what the
 * terminal shows (wide characters and emoji take two columns). Colour is put on
 * after padding so it does not count; the last column is not padded.
 */
export function renderTable(rows: Cell[][]): string {
  const texts = rows.map((row) => row.map((cell) => (cell.max ? truncate(cell.text, cell.max) : cell.text)));
  const widths: number[] = [];
  for (const row of texts)
    row.forEach((text, column) => (widths[column] = Math.max(widths[column] ?? 0, stringWidth(text))));
  return rows
    .map((row, r) =>
      row
        .map((cell, column) => {
          const text = texts[r]![column]!;
          const padded = column === row.length - 1 ? text : text + " ".repeat(widths[column]! - stringWidth(text));
          return cell.style ? cell.style(padded) : padded;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
