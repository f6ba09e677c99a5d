// Cue phrases: the small pattern language that content files use to say which
// words suggest a thinking trap, a stage or a reason. It is deliberately plain
// (whole words, prefixes, alternatives, short gaps) so that a person can read a
// cue, see why it matched, and write their own without learning regular
// expressions, and so that no cue can make matching slow.

import { quotedSpans, reportedTokens } from "./others-words.js";

/** A cue that matched: the cue as written in the content, and the words of the text it matched. */
export interface CueMatch {
  cue: string;
  /** The matched passage exactly as the text has it. */
  words: string;
  start: number;
  end: number;
}

export interface CueOptions {
  /**
   * Ignore a match that a "not", "never said" or "I don't think" just before it
   * turns around, and let no `...` gap pass over a "not" ("I'm not a failure"
   * is no match for "i'm ... failure").
   */
  skipNegated?: boolean;
  /** Ignore a match inside quotation marks, double or single: someone else's words, not the person's. */
  skipQuoted?: boolean;
  /**
   * Ignore a match in words someone else is reported to have said or written:
   * after "she said", "they told me", "the email says", up to the end of the
   * clause (or of the quotation that follows the verb). "I said" is the
   * person's own.
   */
  skipReported?: boolean;
}

/** How many words `...` may stand for. */
export const MAX_GAP = 3;

type CueWord = { kind: "word"; options: { text: string; prefix: boolean }[] } | { kind: "gap" };

export interface Token {
  word: string;
  start: number;
  end: number;
  /** Matches never cross a sentence end. */
  sentence: number;
  /** A negation reaches forward only to the next comma, "but" or sentence end. */
  clause: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** What ends a sentence; a match never crosses one. */
export const SENTENCE_END = /[.!?;]|\n[ \t]*\n/;
const CLAUSE_END = /[,:()–—]|\s-\s/;
const CLAUSE_WORDS = new Set(["but", "although", "though", "however", "yet"]);

/**
 * Words that turn a cue after them around ("not good enough" is not "good
 * enough"), each also as typed in a hurry ("dont"), but for "wont", a word of
 * its own.
 */
const NEGATORS = new Set(
  "not no don't doesn't didn't isn't wasn't aren't weren't won't wouldn't can't cannot couldn't shouldn't hardly without"
    .split(" ")
    .flatMap((word) => (word === "won't" ? [word] : [word, word.replace("'", "")])),
);
/** After these, "no" is a noun, the answer itself ("another no", "a quick no"), and turns nothing around. */
const BEFORE_NO_AS_NOUN = new Set([
  ..."a an another every each the this that one my their your".split(" "),
  ..."first second third fourth fifth last latest more single final quick fast flat polite automatic generic big".split(
    " ",
  ),
]);
/** "I don't think ..." turns the rest of its clause around, however far the cue is. */
const OPINION_VERBS = new Set(
  ["think", "believe", "feel", "mean", "reckon", "say", "suppose"]
    .flatMap((verb) => [verb, `${verb}s`])
    .concat(["thought", "believed", "felt", "meant", "reckoned", "said", "supposed"]),
);
/** How many words before a cue a negator still reaches. */
const NEGATION_REACH = 3;

const normalise = (word: string): string => word.toLowerCase().replace(/’/g, "'");

/**
 * Casual typing drops apostrophes ("im", "dont", "theyll"), so a cue word with
 * one also matches the word typed without it, and a cue need not list both.
 * Not where dropping it makes another everyday word: "ill", "well", "were",
 * "its", "hell", "shell", "shed", "wed", "id", "lets", "whore" mean something
 * else, and a cue that wants them lists them itself.
 */
const BARE_WORDS = new Set(["ill", "well", "were", "its", "hell", "shell", "shed", "wed", "id", "lets", "whore"]);
const withoutApostrophe = (word: string): string | undefined => {
  const bare = word.replace(/'/g, "");
  return bare !== word && !BARE_WORDS.has(bare) ? bare : undefined;
};

/** A cue word and, for one with an apostrophe, its form typed without it. */
const optionsOf = (text: string, prefix: boolean) => {
  const bare = withoutApostrophe(text);
  return bare === undefined
    ? [{ text, prefix }]
    : [
        { text, prefix },
        { text: bare, prefix },
      ];
};

/** The syntax problem of a cue, or undefined when it is fine; content validation uses it. */
export function cueProblem(cue: string): string | undefined {
  // A leading "~" marks a weak cue (see thinking-traps.ts); the words follow it.
  const words = cue.trim().replace(/^~/, "");
  if (words.includes("~")) return "has '~' after its start, where it marks nothing";
  const parts = words.split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "is empty";
  if (parts[0] === "..." || parts.at(-1) === "...") return "cannot start or end with '...'";
  for (const [index, part] of parts.entries()) {
    if (part === "...") {
      if (parts[index + 1] === "...") return "has '...' twice in a row";
      continue;
    }
    for (const option of part.split("|")) {
      const bare = option.replace(/\*$/, "");
      const words = bare.match(WORD) ?? [];
      if (words.length === 0) return `has '${part}', which holds no word`;
      if (part.includes("|") && (words.length !== 1 || words[0] !== bare)) {
        return `has '${part}': each choice around '|' must be one word`;
      }
    }
  }
  return undefined;
}

function compile(cue: string): CueWord[] {
  const compiled: CueWord[] = [];
  for (const part of cue.trim().replace(/^~/, "").split(/\s+/)) {
    if (part === "...") {
      compiled.push({ kind: "gap" });
    } else if (part.includes("|")) {
      const options = part
        .split("|")
        .flatMap((option) => optionsOf(normalise(option.replace(/\*$/, "")), option.endsWith("*")));
      compiled.push({ kind: "word", options });
    } else {
      // "take-home" is two words of the text, as the text's own tokens split it.
      const words = part.replace(/\*$/, "").match(WORD) ?? [];
      words.forEach((word, index) => {
        const prefix = part.endsWith("*") && index === words.length - 1;
        compiled.push({ kind: "word", options: optionsOf(normalise(word), prefix) });
      });
    }
  }
  return compiled;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const between = text.slice(last, match.index);
    if (tokens.length > 0 && SENTENCE_END.test(between)) sentence++;
    if (tokens.length > 0 && (SENTENCE_END.test(between) || CLAUSE_END.test(between))) clause++;
    const word = normalise(match[0]);
    if (CLAUSE_WORDS.has(word)) clause++;
    tokens.push({ word, start: match.index, end: match.index + match[0].length, sentence, clause });
    last = match.index + match[0].length;
  }
  return tokens;
}

const wordFits = (token: Token, slot: Extract<CueWord, { kind: "word" }>): boolean =>
  slot.options.some((option) => (option.prefix ? token.word.startsWith(option.text) : token.word === option.text));

/**
 * The index after the last token of a match of `cue` starting at token `at`, or
 * -1. With `stopAtNegation`, a gap never passes over a negation word.
 */
function matchAt(tokens: Token[], cue: CueWord[], at: number, stopAtNegation: boolean): number {
  const sentence = tokens[at]!.sentence;
  const step = (slot: number, index: number): number => {
    if (slot === cue.length) return index;
    const part = cue[slot]!;
    if (part.kind === "gap") {
      for (let skip = 0; skip <= MAX_GAP; skip++) {
        const next = index + skip;
        if (next >= tokens.length || tokens[next]!.sentence !== sentence) break;
        const end = step(slot + 1, next);
        if (end !== -1) return end;
        if (stopAtNegation && isNegation(tokens, next)) break;
      }
      return -1;
    }
    const token = tokens[index];
    if (!token || token.sentence !== sentence || !wordFits(token, part)) return -1;
    return step(slot + 1, index + 1);
  };
  return step(0, at);
}

function isNegation(tokens: Token[], index: number): boolean {
  const word = tokens[index]!.word;
  return NEGATORS.has(word) && !(word === "no" && BEFORE_NO_AS_NOUN.has(tokens[index - 1]?.word ?? ""));
}

function negated(tokens: Token[], at: number): boolean {
  const { clause } = tokens[at]!;
  for (let index = at - 1; index >= 0 && tokens[index]!.clause === clause; index--) {
    const word = tokens[index]!.word;
    if (at - index <= NEGATION_REACH && isNegation(tokens, index)) return true;
    // "don't think", "do not think", "never said" (but not "every no feels", "without saying")
    if (OPINION_VERBS.has(word) && index > 0) {
      const before = tokens[index - 1]!.word;
      if (before === "never" || (before !== "no" && before !== "without" && isNegation(tokens, index - 1))) return true;
    }
  }
  return false;
}

/**
 * Every place where one of `cues` matches `text`, in the order of the cues and
 * then of the text. Overlapping matches of one cue count once. The cost grows
 * with the text times the cues, so a caller reading pasted text caps its length.
 */
export function findCues(text: string, cues: readonly string[], options: CueOptions = {}): CueMatch[] {
  const tokens = tokenise(text);
  const quoted = options.skipQuoted || options.skipReported ? quotedSpans(text) : [];
  const inQuotes = (start: number) => options.skipQuoted && quoted.some(([from, to]) => start > from && start < to);
  const reported = options.skipReported ? reportedTokens(tokens, quoted) : [];
  const found: CueMatch[] = [];
  for (const cue of cues) {
    const compiled = compile(cue);
    const first = compiled[0]!;
    for (let at = 0; at < tokens.length; at++) {
      // Most words start no cue: a cheap look at the first word spares the full match (content has hundreds of cues).
      if (first.kind === "word" && !wordFits(tokens[at]!, first)) continue;
      const end = matchAt(tokens, compiled, at, options.skipNegated === true);
      if (end === -1) continue;
      const start = tokens[at]!.start;
      if (options.skipNegated && negated(tokens, at)) continue;
      if (inQuotes(start) || reported[at]) continue;
      const stop = tokens[end - 1]!.end;
      found.push({ cue, words: text.slice(start, stop), start, end: stop });
      at = end - 1;
    }
  }
  return found;
}
