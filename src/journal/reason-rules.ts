import { REASONS, type Ending, type Reason } from "./vocabulary.js";

// Which likely reasons can go together, and with which ending. The log flow
// offers only what fits; the flags of log and edit are refused when they do not.

/** A clear no was not a canceled role. */
const REASONS_AGAINST: Partial<Record<Ending, readonly Reason[]>> = { rejected: ["cancelled"] };

/** "I don't know" goes with no other reason. */
export const ALONE_REASON: Reason = "unknown";

/** The reasons that can go with an ending (all of them while it is not known). */
export const reasonsFor = (ended: Ending | undefined): Reason[] =>
  REASONS.filter((reason) => !(ended && REASONS_AGAINST[ended]?.includes(reason)));

export type ReasonConflict =
  { kind: "ending"; ended: Ending; reason: Reason } | { kind: "alone"; reason: Reason; others: Reason[] };

/** What contradicts itself in an ending and its reasons, if anything. */
export function reasonConflict(ended: Ending | undefined, reasons: readonly Reason[]): ReasonConflict | undefined {
  const against = reasons.find((reason) => !reasonsFor(ended).includes(reason));
  if (ended && against) return { kind: "ending", ended, reason: against };
  const others = reasons.filter((reason) => reason !== ALONE_REASON);
  if (reasons.includes(ALONE_REASON) && others.length > 0) return { kind: "alone", reason: ALONE_REASON, others };
  return undefined;
}
