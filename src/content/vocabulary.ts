// The content's fixed vocabularies, free of zod so that commands can use them at start-up.

export const PHASES = ["feel", "learn", "reframe", "act"] as const;
export type Phase = (typeof PHASES)[number];

/** Patterns across the journal that a strategy can ask to be offered for. */
export const SIGNALS = [
  "first-rejection",
  "low-mood-streak",
  "recurring-stage",
  "recurring-reason",
  "recurring-trap",
  "feedback-theme",
  "long-search",
  "progress",
] as const;
export type Signal = (typeof SIGNALS)[number];

export const TOPICS = [
  "fit",
  "tailoring",
  "preparation",
  "presentation",
  "questions",
  "competition",
  "door",
  "process",
  "feedback",
] as const;

export const TEMPLATE_KINDS = ["request", "reply", "checkin"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_PLACEHOLDERS = ["company", "role", "contact", "sender"] as const;

