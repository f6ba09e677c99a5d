// Suggesting the thinking traps a typed thought shows. It is offline and
// explainable on purpose: every suggestion names the words of the thought
// that led to it, and the phrases it looks for live in the content (each
// trap's `cues`), where they can be read, tuned and added to without code.
//
// Precision matters more than recall: a wrong suggestion hurts a person more
// than a missing one. So a cue only counts in the person's own voice (not
// turned around by a "not", not inside quotation marks, not in words someone
// else is reported to have said), and nothing is suggested unless a cue fits.
//
// Some words show a trap only in company: "every time" is overgeneralising in
// "every time I get close they pick someone else" but not in "every time I
// interview I learn something". Such a cue is written weak, with a leading "~",
// and counts half, and only beside another cue of the same trap in its
// sentence: alone it suggests nothing, with another cue it does. So the content can list the broad shapes of a trap without a plain
// sentence that happens to use one of them being given a trap.

import type { Trap } from "../content/schema.js";
import { findCues, SENTENCE_END, type CueMatch } from "./cues.js";

export interface TrapSuggestion {
  id: string;
  /** The trap's name. */
  label: string;
  /** The words of the thought that suggest it, as typed, in the order they come, no duplicates. */
  cues: string[];
}

/** A thought is a sentence or two; past this, text is a paste and only its start is read. */
export const MAX_THOUGHT_LENGTH = 2000;
/** At most this many traps are suggested. */
export const MAX_SUGGESTIONS = 3;
/** A trap needs at least this score to be suggested: one passage a cue matches, or two a weak cue matches. */
export const MIN_SCORE = 1;
/** What a passage that only weak cues match adds to a trap's score; any other passage adds 1. */
export const WEAK_WEIGHT = 0.5;
/** The mark at the start of a weak cue. */
export const WEAK_MARK = "~";

interface Passage {
  start: number;
  end: number;
  /** Only weak cues match it. */
  weak: boolean;
}

interface Scored {
  trap: Trap;
  order: number;
  /** The passages that suggest the trap: overlapping matches joined into one. */
  passages: Passage[];
  /** Each passage counts 1, or WEAK_WEIGHT when only weak cues match it. */
  score: number;
  /** How many words of the thought the passages cover. */
  words: number;
}

/**
 * The likely traps in a thought, best first; empty when nothing fits well
 * enough. A trap's score is the number of separate passages of the thought
 * its cues match, a passage only weak cues match counting half; a tie goes to
 * the trap whose passages hold more words (a longer cue is more specific),
 * then to the one the content lists first.
 */
export function suggestTraps(thought: string, traps: readonly Trap[]): TrapSuggestion[] {
  const text = readable(thought);
  if (text.trim() === "") return [];
  const scored: Scored[] = [];
  traps.forEach((trap, order) => {
    const cues = trap.cues.map((cue) => (cue.startsWith(WEAK_MARK) ? cue.slice(WEAK_MARK.length) : cue));
    const strong = new Set(cues.filter((cue, index) => cue === trap.cues[index]));
    const weak = new Set(cues.filter((cue) => !strong.has(cue)));
    const matches = findCues(text, cues, { skipNegated: true, skipQuoted: true, skipReported: true });
    const passages = joinOverlaps(matches, weak);
    const score = scoreOf(passages, text);
    if (score < MIN_SCORE) return;
    const words = passages.reduce((sum, { start, end }) => sum + countWords(text.slice(start, end)), 0);
    scored.push({ trap, order, passages, score, words });
  });
  scored.sort((a, b) => b.score - a.score || b.words - a.words || a.order - b.order);
  return scored.slice(0, MAX_SUGGESTIONS).map(({ trap, passages }) => ({
    id: trap.id,
    label: trap.name,
    cues: [...new Set(passages.map(({ start, end }) => text.slice(start, end)))],
  }));
}

/**
 * Each passage counts 1, a weak one WEAK_WEIGHT, and only beside another
 * passage of the trap in its sentence: "Someone else got it. Every time I
 * apply I learn something." holds two weak cues that say nothing together.
 * The same weak words again ("always ... always") add nothing, since
 * repeating a broad word is not a second sign of the trap.
 */
function scoreOf(passages: Passage[], text: string): number {
  const sentenceOf = (at: number) => text.slice(0, at).split(SENTENCE_END).length;
  const wordsOf = ({ start, end }: Passage) => text.slice(start, end).toLowerCase().split(/\s+/u).join(" ");
  const counted = new Set<string>();
  let score = 0;
  for (const passage of passages) {
    if (!passage.weak) {
      score += 1;
      continue;
    }
    const words = wordsOf(passage);
    const sentence = sentenceOf(passage.start);
    const beside = passages.some(
      (other) => sentenceOf(other.start) === sentence && (!other.weak || wordsOf(other) !== words),
    );
    if (beside && !counted.has(words)) score += WEAK_WEIGHT;
    counted.add(words);
  }
  return score;
}

/** The start of a long paste, cut at a space so that no word is cut in two. */
export function readable(thought: string): string {
  if (thought.length <= MAX_THOUGHT_LENGTH) return thought;
  const head = thought.slice(0, MAX_THOUGHT_LENGTH);
  const space = head.search(/\s\S*$/u);
  return space > 0 ? head.slice(0, space) : head;
}

/**
 * Matches in text order, with overlapping ones joined, so one passage counts
 * once; a passage is weak only when every cue in it is (a cue the content
 * lists both weak and not is not weak).
 */
function joinOverlaps(matches: CueMatch[], weakCues: Set<string>): Passage[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const passages: Passage[] = [];
  for (const { cue, start, end } of sorted) {
    const weak = weakCues.has(cue);
    const last = passages.at(-1);
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      last.weak &&= weak;
    } else {
      passages.push({ start, end, weak });
    }
  }
  return passages;
}

const countWords = (text: string): number => text.split(/\s+/u).filter(Boolean).length;
