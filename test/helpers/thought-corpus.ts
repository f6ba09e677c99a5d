// Measures a thinking-trap suggester against a labeled list of thoughts (see
// test/corpora/README.md, "thoughts.yaml"). The corpus test and the
// measurement script both score through here, so they count the same way.

import { readFileSync } from "node:fs";
import { parse } from "yaml";

export interface LabeledThought {
  text: string;
  /** The single best reading, or null for a thought with no trap to name. */
  trap: string | null;
  /** Other fair readings. */
  also: string[];
}

/** A suggester: the trap ids it suggests for a thought, best first. */
export type Suggest = (thought: string) => readonly { id: string }[];

export interface TrapFigures {
  /** Thoughts labeled with this trap. */
  labeled: number;
  /** Thoughts (labeled or neutral) whose top suggestion is this trap. */
  suggested: number;
  /** Of those, the ones labeled with it. */
  correct: number;
  /** correct / suggested; null when the trap was never the top suggestion. */
  precision: number | null;
  /** correct / labeled; null when no thought is labeled with it. */
  recall: number | null;
}

export interface ThoughtScore {
  labeled: number;
  neutral: number;
  /** Share of labeled thoughts whose top suggestion is their trap. */
  strict: number;
  /** Share of labeled thoughts whose top suggestion is their trap or one of its `also`. */
  lenient: number;
  /** Share of neutral thoughts that got any suggestion. */
  neutralSuggested: number;
  perTrap: Record<string, TrapFigures>;
  /** The thoughts the suggester got wrong, for reading: labeled ones missed or mislabeled, neutral ones given a trap. */
  misses: { text: string; trap: string | null; top: string | null }[];
}

export function readThoughts(file: string): LabeledThought[] {
  const items = parse(readFileSync(file, "utf8")) as unknown;
  if (!Array.isArray(items)) throw new Error(`${file}: expected a list of thoughts`);
  return items.map((item: unknown, index) => {
    const { text, trap, also } = (item ?? {}) as Partial<LabeledThought>;
    if (typeof text !== "string" || (trap !== null && typeof trap !== "string")) {
      throw new Error(`${file}: item ${index + 1} needs a text and a trap (an id or null)`);
    }
    return { text, trap, also: also ?? [] };
  });
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function scoreThoughts(file: string, suggest: Suggest): ThoughtScore {
  const thoughts = readThoughts(file);
  const perTrap: Record<string, TrapFigures> = {};
  const figures = (id: string) =>
    (perTrap[id] ??= { labeled: 0, suggested: 0, correct: 0, precision: null, recall: null });
  let strict = 0;
  let lenient = 0;
  let neutralSuggested = 0;
  const misses: ThoughtScore["misses"] = [];
  for (const thought of thoughts) {
    const top = suggest(thought.text)[0]?.id ?? null;
    if (thought.trap) figures(thought.trap).labeled++;
    if (top) figures(top).suggested++;
    if (thought.trap === null) {
      if (top) {
        neutralSuggested++;
        misses.push({ text: thought.text, trap: null, top });
      }
      continue;
    }
    if (top === thought.trap) {
      strict++;
      figures(top).correct++;
    } else {
      misses.push({ text: thought.text, trap: thought.trap, top });
    }
    if (top !== null && (top === thought.trap || thought.also.includes(top))) lenient++;
  }
  for (const trap of Object.values(perTrap)) {
    trap.precision = share(trap.correct, trap.suggested);
    trap.recall = share(trap.correct, trap.labeled);
  }
  const labeled = thoughts.filter((thought) => thought.trap !== null).length;
  const neutral = thoughts.length - labeled;
  return {
    labeled,
    neutral,
    strict: share(strict, labeled) ?? 0,
    lenient: share(lenient, labeled) ?? 0,
    neutralSuggested: share(neutralSuggested, neutral) ?? 0,
    perTrap,
    misses,
  };
}
