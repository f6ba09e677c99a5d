/*
 * Text built to misbehave on a terminal, for the tests that check it is never
 * shown raw: in-process (exports, views) and in a pseudo-terminal (prompts).
 */

/** Clear screen, an OSC 8 hyperlink and an OSC 52 clipboard write. */
export const ESCAPES = "\u001b[2J\u001b[H \u001b]8;;http://x.test\u001b\\link\u001b]8;;\u001b\\ \u001b]52;c;aGk=\u0007";
/** CSI and OSC in their one-byte C1 forms, NEL and DEL. */
export const C1 = "\u009b31m \u009d0;title\u009c \u0085nel \u007fdel";
/** Every bidi control, each before a letter it would move. */
export const BIDI = "\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl";
/** Zero-width characters, a joiner among them that joins nothing. */
export const ZERO_WIDTH = "m\u200bn o\u2060p \ufeffq \u200d r";
/** Text after a bare CR overwrites what came before it on the line. */
export const OVERWRITE = "shown\rhidden";
/** A joiner that belongs there: it makes one emoji of two. */
export const EMOJI = "👩‍💻";

export const hostile = (field: string) => `${field} ${ESCAPES} ${C1} ${BIDI} ${ZERO_WIDTH} ${OVERWRITE} ${EMOJI} end`;

/** Control characters a terminal acts on: C0 except tab and newline, DEL and C1. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** What must not reach a terminal raw (the test's own list, not the code's). */
export const RAW_BIDI_OR_ZERO_WIDTH = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

/** The first character a pattern found, as U+XXXX, for a readable failure. */
export const codeOf = (match: RegExpExecArray | null) => match && `U+${match[0].codePointAt(0)!.toString(16)}`;
