/**
 * Characters that change how text looks without being seen: bidi controls,
 * which reorder what follows them on screen (U+202E shows "txt.exe" as
 * "exe.txt"), and zero-width characters, which hide inside words. Terminal
 * views show them as `<U+202E>`; the data exports escape them in their own
 * syntax, which reads back as exactly the same text.
 *
 * Bidi: U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069.
 * Zero-width and invisible: U+200B, U+2060 to U+2064, U+206A to U+206F
 * (deprecated format controls), U+FEFF. Line and paragraph separators
 * (U+2028, U+2029) look like nothing in a terminal, so they count too.
 */
const ALWAYS = "\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff";

/**
 * Zero-width (non-)joiners are part of ordinary writing between letters
 * (Persian, Hindi) and inside emoji (👩‍💻): there they are left alone.
 * Anywhere else they join nothing and only hide.
 */
const JOINERS = "\u200c\u200d";
const JOINS_BEFORE = "\\p{L}\\p{M}\\p{Extended_Pictographic}\\p{Emoji_Modifier}";
const JOINS_AFTER = "\\p{L}\\p{M}\\p{Extended_Pictographic}";

const INVISIBLE = new RegExp(`[${ALWAYS}]|(?<![${JOINS_BEFORE}])[${JOINERS}]|[${JOINERS}](?![${JOINS_AFTER}])`, "gu");

/** "U+202E" */
const codePointName = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Each invisible character replaced by what `replacement` makes of it. */
export const replaceInvisible = (text: string, replacement: (char: string) => string): string =>
  text.replace(INVISIBLE, replacement);

const ANY_INVISIBLE = new RegExp(INVISIBLE.source, "u");

export const hasInvisible = (text: string): boolean => ANY_INVISIBLE.test(text);

/** Each invisible character shown by name: "abc<U+202E>def". */
export const showInvisible = (text: string): string => replaceInvisible(text, (char) => `<${codePointName(char)}>`);
