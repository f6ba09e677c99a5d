/**
 * The tool's own marks and chart glyphs, in Unicode where the terminal's
 * character set is UTF-8 and in ASCII where it is not (LANG=C, a serial
 * console), where Unicode would show as mojibake or question marks.
 */

import { io } from "../io.js";

export interface Symbols {
  /** A full chart cell. */
  block: string;
  /** A second series beside the block (wins beside rejections). */
  shade: string;
  /** A sparkline's eight heights, lowest first. */
  ticks: readonly string[];
  /** Partial cells, in eighths (empty where only whole cells can be drawn). */
  eighths: readonly string[];
  /** A strategy card's coloured edge. */
  edge: string;
  separator: string;
  tick: string;
  /** doctor's marks for a check that passed and one that failed. */
  check: string;
  cross: string;
  ellipsis: string;
  bullet: string;
  arrow: string;
  none: string;
}

const UNICODE: Symbols = {
  block: "█",
  shade: "░",
  ticks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
  eighths: ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"],
  edge: "▌",
  separator: "·",
  tick: "✔",
  check: "✓",
  cross: "✗",
  ellipsis: "…",
  bullet: "•",
  arrow: "→",
  none: "—",
};

const ASCII: Symbols = {
  block: "#",
  shade: "=",
  ticks: ["_", ".", ":", "-", "=", "+", "*", "#"],
  eighths: [],
  edge: "|",
  separator: "-",
  tick: "v",
  check: "v",
  cross: "x",
  ellipsis: "...",
  bullet: "*",
  arrow: "->",
  none: "-",
};

/**
 * True when text may use Unicode: the locale's character set is UTF-8, decided
 * as the C library does (LC_ALL, else LC_CTYPE, else LANG; none set is the C
 * locale). Windows terminals set none of these and show Unicode.
 */
export function unicodeOutput(env: NodeJS.ProcessEnv = io().env, platform = process.platform): boolean {
  if (platform === "win32") return true;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return /utf-?8/i.test(locale);
}

export const symbols = (env: NodeJS.ProcessEnv = io().env): Symbols => (unicodeOutput(env) ? UNICODE : ASCII);
