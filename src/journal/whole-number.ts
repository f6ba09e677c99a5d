/**
 * A whole number typed as text ("7", " 7 "), when it is one from `min` to
 * `max`; undefined for anything else ("7.5", "seven", "", or out of range).
 * Flags and prompts both read numbers with it, so they accept the same answers.
 */
export function wholeNumberIn(text: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return Number.isSafeInteger(number) && number >= min && number <= max ? number : undefined;
}
