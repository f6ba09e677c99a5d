// Which words of a text are someone else's: quoted, or reported after "she
// said". A cue in them is not the person's own thinking (see cues.ts).

import type { Token } from "./cues.js";

/** Verbs that report someone else's words; what follows them is theirs. */
const REPORTING_VERBS = new Set(
  ["said", "says", "told", "tells", "wrote", "writes", "mentioned", "mentions", "explained", "explains"].concat(
    ["replied", "replies", "added", "adds", "asked", "asks", "claimed", "claims", "insisted", "insists"],
    ["suggested", "suggests", "noted", "notes", "stated", "states", "emailed", "texted", "messaged", "warned"],
  ),
);
/** "I was told" reports someone else; "I told them" does not. */
const PASSIVE = new Set(["was", "were", "been", "being", "am", "i'm", "im", "get", "got", "gets"]);
const FIRST_PERSON = new Set(["i", "i've", "i'd", "we", "we've", "we'd"]);

const isSpace = (char: string | undefined) => char === undefined || /\s/u.test(char);
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * The spans inside quotation marks, paired in order: double ones straight or
 * curly, and single ones that stand apart from a word (so the apostrophe of
 * "don't" or "candidates' time" opens nothing).
 */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open: number | undefined;
  let openSingle: number | undefined;
  for (const match of text.matchAll(/["“”'‘’]/g)) {
    const mark = match[0];
    const [before, after] = [text[match.index - 1], text[match.index + 1]];
    if (mark === "'" || mark === "‘" || mark === "’") {
      const canClose = mark !== "‘" && !isSpace(before) && !isWordChar(after);
      const canOpen = mark !== "’" && !isWordChar(before) && !isSpace(after);
      if (openSingle !== undefined && canClose) {
        spans.push([openSingle, match.index]);
        openSingle = undefined;
      } else if (canOpen) {
        openSingle = match.index;
      }
      continue;
    }
    const isClosing = mark === "”" || (mark === '"' && open !== undefined);
    if (open !== undefined && isClosing) {
      spans.push([open, match.index]);
      open = undefined;
    } else if (mark !== "”") {
      open = match.index;
    }
  }
  return spans;
}

/** Which tokens are someone else's reported words: those after "she said" up to the end of the clause. */
export function reportedTokens(tokens: Token[], quoted: [number, number][]): boolean[] {
  const reported: boolean[] = new Array<boolean>(tokens.length).fill(false);
  for (let verb = 0; verb < tokens.length - 1; verb++) {
    const { word } = tokens[verb]!;
    const accordingTo = word === "according" && tokens[verb + 1]!.word === "to";
    if (!REPORTING_VERBS.has(word) && !accordingTo) continue;
    const [before, further] = [tokens[verb - 1]?.word, tokens[verb - 2]?.word];
    const ownWords =
      !accordingTo &&
      (FIRST_PERSON.has(before ?? "") || (FIRST_PERSON.has(further ?? "") && !PASSIVE.has(before ?? "")));
    if (ownWords) continue;
    const from = accordingTo ? verb + 2 : verb + 1;
    const clause = tokens[from]?.clause;
    // A quotation right after the verb holds the reported words by itself.
    const quote = quoted.find(([open]) => open > tokens[verb]!.end && open < (tokens[from]?.start ?? 0) + 1);
    for (let index = from; index < tokens.length && tokens[index]!.clause === clause; index++) {
      if (quote && tokens[index]!.start > quote[1]) break;
      reported[index] = true;
    }
  }
  return reported;
}
