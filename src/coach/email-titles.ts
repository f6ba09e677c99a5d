import type { Line } from "./email-text.js";

// Names in an email are runs of capitalised words: "Northwind Labs", "Head of
// Marketing", "Engineering Manager, Mobile", "Backend Engineer (Payments)".
// Reading one looks at most seven words ahead, so scanning stays linear in the
// length of the text, whatever it holds.

/** A value read from the email, with the words it came from. */
export interface Named {
  value: string;
  from: string;
}

const CAPITAL_WORD = /[\p{Lu}\p{N}][\p{L}\p{N}'’-]*/uy;
const CONNECTOR = /\s+(?:&|of|for|de|du|la|and)\s+(?=\p{Lu})/uy;
const SPACE_THEN_CAPITAL = /\s+(?=[\p{Lu}\p{N}])/uy;
const COMMA_THEN_CAPITAL = /,\s+(?=\p{Lu}[\p{Ll}])/uy;
const PARENTHESIS = /\s+\([\p{L}\p{N}&' -]{1,30}\)/uy;
const MAX_NAME_WORDS = 7;

/** The end of a run of capitalised words starting at `at` (at itself when there is none). */
export function titleEnd(text: string, at: number, options: { comma?: boolean; connectors?: boolean } = {}): number {
  const sticky = (pattern: RegExp, from: number): number => {
    pattern.lastIndex = from;
    return pattern.exec(text) ? pattern.lastIndex : -1;
  };
  let end = sticky(CAPITAL_WORD, at);
  if (end === -1) return at;
  for (let words = 1; words < MAX_NAME_WORDS; words++) {
    const gap = [SPACE_THEN_CAPITAL, ...(options.connectors === false ? [] : [CONNECTOR])]
      .concat(options.comma ? [COMMA_THEN_CAPITAL] : [])
      .map((pattern) => sticky(pattern, end))
      .find((next) => next !== -1);
    const next = gap === undefined ? -1 : sticky(CAPITAL_WORD, gap);
    if (next === -1) break;
    end = next;
  }
  const paren = sticky(PARENTHESIS, end);
  return paren === -1 ? end : paren;
}

export const words = (name: string): string[] => name.split(/[\s,()]+/).filter(Boolean);

/** A reference number is not part of a name: "(Ref LSA/26/114)", "(Req #48213)", "(R-2291)". */
export const REFERENCE = /\s*\((?:(?:ref|req|job|id|vacancy)\b[^)]{0,40}|[^)]{0,30}\d[^)]{0,30})\)\s*$/i;

/** The parts of a subject line: "Brightwater Insurance - Claims Team Lead" has two. */
export function subjectParts(subject: Line): Line[] {
  const parts: Line[] = [];
  let start = 0;
  for (const match of `${subject.text} - `.matchAll(/\s+[-–—|]\s+|:\s+/g)) {
    const raw = subject.text.slice(start, match.index);
    const text = raw.replace(REFERENCE, "").trim();
    if (text) parts.push({ text, start: subject.start + start + raw.indexOf(text) });
    start = match.index + match[0].length;
  }
  return parts;
}
