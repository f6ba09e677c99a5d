import { showInvisible } from "../export/invisible.js";

/**
 * C0 and C1 control characters, except newline and tab. Printed raw, they let
 * text typed into the journal move the cursor, recolour the terminal, set its
 * title or plant hyperlinks (ESC [, ESC ], CSI 0x9b, OSC 0x9d ...).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text the person typed, made safe to print: each control character shown as
 * a visible escape, and bidi controls and zero-width characters by name
 * (`<U+202E>`), so nothing can reorder or hide what is on screen.
 */
export function safeText(text: string): string {
  return showInvisible(text).replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return code === 0x1b ? "^[" : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}

/** The same, on one line: newlines and tabs become spaces, for tables and lists. */
export function safeLine(text: string): string {
  return safeText(text).replace(/[\r\n\t]+/g, " ");
}
