/**
 * Small charts for the `stats` dashboard: sparklines and horizontal bars.
 *
 * Drawn here rather than with a chart library, after looking at the candidates
 * (npm, checked for Node 20 support, downloads and upkeep):
 * - asciichart and simple-ascii-chart draw multi-row plots with axes; a
 *   dashboard that must fit one screen needs one-line charts, and
 *   simple-ascii-chart's bars came out misaligned at small sizes;
 * - sparkly is one-line and tiny, but little used (about 1.4k downloads a
 *   month) and pulls in chalk 4 beside our chalk 5;
 * - sparkline, babar and bar-horizontal are unmaintained and bring old
 *   dependencies (nopt; colors, the package that was sabotaged in 2022; lodash
 *   and meow 3).
 * What we need is two functions of a few lines each, with no dependency.
 */

import { symbols } from "./symbols.js";

/**
 * One character per value, from ▁ (at `min`) to █ (at `max`), or their ASCII
 * stand-ins; a null value
 * (a period with nothing logged) is a space, so gaps stay visible.
 */
export function sparkline(values: readonly (number | null)[], range: { min: number; max: number }): string {
  const span = range.max - range.min;
  const ticks = symbols().ticks;
  return values
    .map((value) => {
      if (value === null || !Number.isFinite(value)) return " ";
      const share = span > 0 ? (Math.min(Math.max(value, range.min), range.max) - range.min) / span : 1;
      return ticks[Math.round(share * (ticks.length - 1))];
    })
    .join("");
}

/**
 * A bar `width` cells long at `max`, drawn to an eighth of a cell. Any value
 * above zero shows at least a sliver, so a one is never mistaken for a none.
 */
export function bar(value: number, max: number, width: number, glyph = symbols().block): string {
  if (value <= 0 || max <= 0 || width <= 0) return "";
  const { block, eighths: partial } = symbols();
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  // Partial cells exist only for the solid Unicode block; anything else rounds to whole cells.
  if (glyph !== block || partial.length === 0) return glyph.repeat(Math.max(1, Math.round(eighths / 8)));
  return block.repeat(Math.floor(eighths / 8)) + partial[eighths % 8];
}
