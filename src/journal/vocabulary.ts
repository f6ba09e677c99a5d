// The journal's fixed vocabularies, kept apart from the zod schemas so that
// commands can name them in their options without loading zod at start-up.

/** The stages of a hiring process, in the order a search moves through them. */
export const STAGES = ["applied", "screening", "interview", "assessment", "final", "offer"] as const;
export const ENDINGS = ["rejected", "ghosted", "role-closed"] as const;
export const REASONS = [
  "skills",
  "interview",
  "culture",
  "competition",
  "salary",
  "internal",
  "cancelled",
  "unknown",
] as const;
export const EMOTIONS = [
  "disappointed",
  "frustrated",
  "sad",
  "angry",
  "anxious",
  "embarrassed",
  "relieved",
  "numb",
  "motivated",
] as const;
export const WIN_KINDS = ["interview", "feedback", "application", "skill", "other"] as const;
export const ENTRY_KINDS = ["rejection", "win"] as const;
export const FIT_ANSWERS = ["yes", "partly", "no", "unsure"] as const;

export type Stage = (typeof STAGES)[number];
export type Ending = (typeof ENDINGS)[number];
export type Reason = (typeof REASONS)[number];
export type Emotion = (typeof EMOTIONS)[number];
export type WinKind = (typeof WIN_KINDS)[number];
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const MOOD_MIN = 1;
export const MOOD_MAX = 10;

/** How a step of the process is rated in a reflection: 1 went badly, 5 went well. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Index of a stage in the hiring order, for "how far did it get" comparisons. */
export const stageRank = (stage: Stage): number => STAGES.indexOf(stage);

/**
 * Ids first saved in British spelling. The journal and the content keep them as
 * they are (no migration); a person reads the US spelling, and may type either.
 */
const US_SPELLINGS: Readonly<Record<string, string>> = {
  cancelled: "canceled",
  personalising: "personalizing",
  overgeneralising: "overgeneralizing",
  catastrophising: "catastrophizing",
  labelling: "labeling",
};
const STORED_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(US_SPELLINGS).map(([stored, us]) => [us, stored]),
);

/** A stored id as a person reads it: "canceled" for `cancelled`. */
export const spelledId = (id: string): string => US_SPELLINGS[id] ?? id;

/** The stored id for what a person typed, in either spelling: `cancelled` for "canceled". */
export const storedId = (typed: string): string => STORED_IDS[typed] ?? typed;
