// Turning a pasted email into plain lines a reader can work on: what a mail
// client or a browser leaves in a copy (HTML tags and entities, "> " quoting,
// Windows line ends, invisible characters) comes out, and nothing else changes,
// so every passage the reader quotes back is still the email's own words.

/**
 * How much of a paste is read. A rejection email is a few kilobytes; a longer
 * paste is a thread or a mistake, and its start holds the latest message.
 * Capping it keeps every later step (cue matching grows with length) fast.
 */
export const MAX_EMAIL_CHARS = 50_000;

/** A raw paste is cut before cleaning too, so tags and entities of a huge paste are never scanned. */
const MAX_RAW_CHARS = 4 * MAX_EMAIL_CHARS;

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  middot: "·",
  bull: "•",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  pound: "£",
  euro: "€",
  copy: "©",
  reg: "®",
  trade: "™",
  eacute: "é",
};

/** Tags that end a paragraph, and tags that end a line, where a browser would. */
// A line end right after the tag is the same break, not another one.
const PARAGRAPH_TAG = /<\/(?:p|h[1-6]|table|blockquote)\s*>\r?\n?/gi;
const BREAKING_TAG = /<(?:br\s*\/?|\/(?:div|li|tr))\s*>\r?\n?/gi;
/**
 * Any other tag: a name, then a space, "/" or ">" ("<no-reply@x.com>" is an
 * address, not a tag). The length cap keeps a stray "<" from scanning the rest.
 */
const TAG = /<\/?[a-z][a-z0-9]*(?:[\s/][^<>\n]{0,300})?>/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const ODD_SPACE = /[\u00a0\u2007\u202f\t]/g;
/** Quoting marks at a line start, as many levels as there are. */
const QUOTE_MARKS = /^(?:[ \t]*>)+[ \t]?/;

function decodeEntity(whole: string, decimal?: string, hex?: string, name?: string): string {
  if (name) return ENTITIES[name.toLowerCase()] ?? whole;
  const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
  if (code < 32 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return " ";
  return String.fromCodePoint(code);
}

/** The email as plain text: one line per line, single spaces, at most one blank line in a row. */
export function cleanEmailText(raw: string): string {
  const text = raw
    .slice(0, MAX_RAW_CHARS)
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE, "")
    .replace(PARAGRAPH_TAG, "\n\n")
    .replace(BREAKING_TAG, "\n")
    .replace(TAG, "")
    .replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => decodeEntity(whole, decimal, hex, name))
    .replace(INVISIBLE, "")
    .replace(ODD_SPACE, " ");
  const lines = text.split("\n").map((line) => line.replace(QUOTE_MARKS, "").replace(/ {2,}/g, " ").trim());
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_EMAIL_CHARS);
}

/** Runs of whitespace as one space: how passages are compared and returned. */
export const collapseSpaces = (text: string): string => text.replace(/\s+/g, " ").trim();

/** A line of the cleaned text and where it starts in it. */
export interface Line {
  text: string;
  start: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    lines.push({ text: line, start });
    start += line.length + 1;
  }
  return lines;
}

/** A sentence of the text: where it starts and ends, and which paragraph it is in. */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "inc",
  "ltd",
  "co",
  "corp",
  "e.g",
  "i.e",
  "etc",
  "no",
  "vs",
]);

/**
 * The sentences of `text` from `from` to `to`. A sentence ends at . ! or ? before
 * a space and a capital (or a digit or quote), or at a blank line; a single line
 * break inside a paragraph does not end it, as mail clients wrap long lines.
 */
export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = from;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed) sentences.push({ start: start + lead, end: start + lead + trimmed.length, paragraph });
  };
  for (let index = from; index < to; index++) {
    const char = text[index];
    if (char === "\n" && text[index + 1] === "\n") {
      push(index);
      paragraph++;
      start = index + 2;
      index++;
    } else if ((char === "." || char === "!" || char === "?") && /\s/.test(text[index + 1] ?? " ")) {
      const next = text.slice(index + 1, index + 4).trimStart()[0];
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, index - 8), index))?.[1]?.toLowerCase();
      if (next !== undefined && !/[\p{Ll},]/u.test(next) && !(char === "." && word && ABBREVIATIONS.has(word))) {
        push(index + 1);
        start = index + 1;
      }
    }
  }
  push(to);
  return sentences;
}
