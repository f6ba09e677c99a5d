/**
 * JSON.stringify escapes C0 control characters but leaves DEL and the C1 range
 * (U+007F to U+009F) as they are; U+009B alone starts a terminal control
 * sequence. Escaping them too keeps JSON output safe to print and parses to
 * exactly the same text.
 */
const UNESCAPED_CONTROLS = /[\u007f-\u009f]/g;

export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNESCAPED_CONTROLS,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
