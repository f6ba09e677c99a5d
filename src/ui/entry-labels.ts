import type { Ending, Reason, Stage, WinKind } from "../journal/vocabulary.js";

/** The vocabularies in the words a person would use; the journal keeps the short values. */
export const STAGE_LABELS: Record<Stage, string> = {
  applied: "Applied: it ended before any conversation",
  screening: "Screening: a first call or recruiter chat",
  interview: "Interview: one or more interviews",
  assessment: "Assessment: a task, test or take-home",
  final: "Final round",
  offer: "Offer: it fell through at or after the offer",
};

export const ENDING_LABELS: Record<Ending, string> = {
  rejected: "They said no",
  ghosted: "They stopped replying",
  "role-closed": "The role was closed, cancelled or frozen",
};

export const REASON_LABELS: Record<Reason, string> = {
  skills: "Skills or experience did not match what they wanted",
  interview: "How an interview went",
  culture: "Team or culture fit",
  competition: "Someone else was a closer match",
  salary: "Salary or terms",
  internal: "They chose an internal candidate",
  cancelled: "The role was cancelled or put on hold",
  unknown: "I don't know",
};

export const WIN_KIND_LABELS: Record<WinKind, string> = {
  interview: "An interview secured",
  feedback: "Good feedback",
  application: "An application sent",
  skill: "A skill learned",
  other: "Something else",
};

/** The mood scale's ends, said the same way everywhere. */
export const MOOD_SCALE = "1 is awful, 10 is fine";
