import { replaceInvisible } from "./invisible.js";

/**
 * JSON.stringify escapes C0 control characters but leaves DEL and the C1 range
 * (U+007F to U+009F) as they are; U+009B alone starts a terminal control
 * sequence. Bidi controls and zero-width characters, left raw too, would
 * reorder or hide text when the JSON is printed. Escaping them all keeps JSON
 * output safe to print and parses to exactly the same text.
 */
const UNESCAPED_CONTROLS = /[\u007f-\u009f]/g;

const escaped = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

export function jsonText(value: unknown): string {
  return replaceInvisible(JSON.stringify(value, null, 2), escaped).replace(UNESCAPED_CONTROLS, escaped);
}
