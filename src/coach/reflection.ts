import type { Question, ReflectionContent, Step } from "../content/schema.js";
import type { Checkin, Reflection, RejectionEntry } from "../journal/entry.js";
import { REASONS, stageRank, type FIT_ANSWERS, type Reason, type Stage } from "../journal/vocabulary.js";

export type Fit = (typeof FIT_ANSWERS)[number];

/** A next step as the person gave it; it gets its id when saved (journal/actions). */
export interface NewAction {
  text: string;
  due?: string;
}

/**
 * Everything a reflection (or a later check-in) can hold, as plain answers:
 * filled by flags, by the interactive flow, or both. Absent means "not answered".
 */
export interface ReflectAnswers {
  mood?: number;
  /** Question id -> answer, for the stage questions. */
  answers: Record<string, string>;
  /** Step id -> 1..5. */
  ratings: Record<string, number>;
  /** Which of the offered reasons were in the person's hands; undefined when not asked. */
  inControl?: Reason[];
  thought?: string;
  trap?: string;
  balanced?: string;
  fit?: Fit;
  fitNote?: string;
  wentWell?: string;
  change?: string;
  actions: NewAction[];
  /** The check-in note, when reflecting again. */
  note?: string;
  /** Ids of this entry's open actions the person has done since (check-in only). */
  done?: string[];
}

export const emptyAnswers = (): ReflectAnswers => ({ answers: {}, ratings: {}, actions: [] });

/**
 * The questions for the stage the process reached and the way it ended, in
 * content order: a question tagged with endings is asked only after those, so
 * a ghosting is not asked about the feedback or the person they chose.
 */
export const stageQuestions = (
  content: ReflectionContent,
  entry: Pick<RejectionEntry, "stage" | "ended">,
): Question[] =>
  content.questions.filter(
    (question) =>
      question.stages.includes(entry.stage) && (!question.endings || question.endings.includes(entry.ended)),
  );

/** The steps a person went through to reach `stage`: those that start at or before it. */
export const stepsFor = (content: ReflectionContent, stage: Stage): Step[] =>
  content.steps.filter((step) => stageRank(step.from) <= stageRank(stage));

/**
 * The reasons to sort into "mine" and "not mine": the likely reasons recorded
 * with the rejection, or every reason when none (or only "unknown") was recorded.
 */
export function controlReasons(entry: Pick<RejectionEntry, "reasons">): Reason[] {
  const known = entry.reasons.filter((reason) => reason !== "unknown");
  return known.length > 0 ? known : REASONS.filter((reason) => reason !== "unknown");
}

/** What a first reflection on an entry asks about, worked out once for the questions and for saving the answers. */
export interface ReflectionScope {
  questions: Question[];
  steps: Step[];
  /** The reasons offered to sort into "mine" and "not mine". */
  reasons: Reason[];
}

export const reflectionScope = (content: ReflectionContent, entry: RejectionEntry): ReflectionScope => ({
  questions: stageQuestions(content, entry),
  steps: stepsFor(content, entry.stage),
  reasons: controlReasons(entry),
});

const clean = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/** Turns answers into the Reflection saved on the entry; empty answers are left out. */
export function toReflection(answers: ReflectAnswers, scope: ReflectionScope, now: Date): Reflection {
  if (answers.mood === undefined) throw new Error("a reflection needs a mood");
  const { questions, steps, reasons: offered } = scope;
  const inControl = answers.inControl;
  const thought = clean(answers.thought);
  const reflection: Reflection = {
    createdAt: now.toISOString(),
    mood: answers.mood,
    answers: questions
      .filter((question) => clean(answers.answers[question.id]))
      .map((question) => ({
        questionId: question.id,
        question: question.text,
        answer: clean(answers.answers[question.id])!,
      })),
    ratings: steps
      .filter((step) => answers.ratings[step.id] !== undefined)
      .map((step) => ({ step: step.id, label: step.label, rating: answers.ratings[step.id]! })),
    inControl: inControl ? REASONS.filter((reason) => inControl.includes(reason)) : [],
    outOfControl: inControl ? offered.filter((reason) => !inControl.includes(reason)) : [],
  };
  if (thought) {
    reflection.thought = { thought };
    if (answers.trap) reflection.thought.trap = answers.trap;
    if (clean(answers.balanced)) reflection.thought.balanced = clean(answers.balanced);
  }
  if (answers.fit) reflection.fit = answers.fit;
  if (answers.fit && clean(answers.fitNote)) reflection.fitNote = clean(answers.fitNote);
  if (clean(answers.wentWell)) reflection.wentWell = clean(answers.wentWell);
  if (clean(answers.change)) reflection.change = clean(answers.change);
  return reflection;
}

/**
 * Whether a reflection holds more than the mood: an answer, a rating, a sorted
 * reason, a thought, a fit, a lesson or a next step. A reflection where every
 * question was skipped is still saved, but it is not praised as work done.
 */
export function hasSubstance(reflection: Reflection, actions: readonly unknown[] = []): boolean {
  return (
    reflection.answers.length > 0 ||
    reflection.ratings.length > 0 ||
    reflection.inControl.length > 0 ||
    reflection.outOfControl.length > 0 ||
    reflection.thought !== undefined ||
    reflection.fit !== undefined ||
    reflection.wentWell !== undefined ||
    reflection.change !== undefined ||
    actions.length > 0
  );
}

export function toCheckin(answers: ReflectAnswers, now: Date): Checkin {
  if (answers.mood === undefined) throw new Error("a check-in needs a mood");
  const checkin: Checkin = { at: now.toISOString(), mood: answers.mood };
  if (clean(answers.note)) checkin.note = clean(answers.note);
  return checkin;
}

/** The mood over time for one rejection: when logged, at the reflection, at each check-in. */
export function moodTrail(entry: RejectionEntry): { label: string; mood: number; at: string }[] {
  const trail = [{ label: "logged", mood: entry.mood, at: entry.createdAt }];
  if (entry.reflection)
    trail.push({ label: "reflection", mood: entry.reflection.mood, at: entry.reflection.createdAt });
  for (const checkin of entry.checkins) trail.push({ label: "check-in", mood: checkin.mood, at: checkin.at });
  return trail;
}
