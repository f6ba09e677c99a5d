/*
 * The journal's entries as zod schemas: what the store checks an entry against
 * when it reads a file it cannot vouch for, and before it writes. Loaded only
 * then; everything else uses the types in entry.ts, which load no zod.
 */
import { z } from "zod";
import { FIRST_YEAR, LAST_YEAR, isDayInRange, isYearInRange } from "./dates.js";
import {
  EMOTIONS,
  ENDINGS,
  FIT_ANSWERS,
  MOOD_MAX,
  MOOD_MIN,
  RATING_MAX,
  RATING_MIN,
  REASONS,
  STAGES,
  WIN_KINDS,
} from "./vocabulary.js";

const YEARS = `between ${FIRST_YEAR} and ${LAST_YEAR}`;

/** A calendar day as YYYY-MM-DD, the person's local date. */
export const daySchema = z.string().refine(isDayInRange, `must be a real calendar day as YYYY-MM-DD ${YEARS}`);
/**
 * A moment as an ISO 8601 timestamp. Its year is checked as written: a local
 * day derived from it may fall one day outside, which nothing minds.
 */
export const instantSchema = z.iso
  .datetime({ offset: true, error: "must be a timestamp as YYYY-MM-DDTHH:MM:SS with Z or an offset" })
  .refine((at) => isYearInRange(Number(at.slice(0, 4))), `must be a timestamp ${YEARS}`);
const moodSchema = z.number().int().min(MOOD_MIN).max(MOOD_MAX);
const idSchema = z.string().regex(/^[0-9a-z]{4,16}$/, "must be 4 to 16 lowercase letters or digits");

export const checkinSchema = z.object({
  at: instantSchema,
  mood: moodSchema,
  note: z.string().optional(),
});

export const actionSchema = z.object({
  id: idSchema,
  text: z.string().min(1),
  createdAt: instantSchema,
  due: daySchema.optional(),
  doneAt: instantSchema.optional(),
});

export const feedbackSchema = z.object({
  receivedAt: instantSchema,
  text: z.string().min(1),
});

const answerSchema = z.object({
  questionId: z.string(),
  question: z.string(),
  answer: z.string(),
});

const ratingSchema = z.object({
  step: z.string(),
  label: z.string(),
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
});

const thoughtRecordSchema = z.object({
  thought: z.string(),
  trap: z.string().optional(),
  balanced: z.string().optional(),
});

export const reflectionSchema = z.object({
  createdAt: instantSchema,
  mood: moodSchema,
  answers: z.array(answerSchema).default([]),
  ratings: z.array(ratingSchema).default([]),
  inControl: z.array(z.enum(REASONS)).default([]),
  outOfControl: z.array(z.enum(REASONS)).default([]),
  thought: thoughtRecordSchema.optional(),
  fit: z.enum(FIT_ANSWERS).optional(),
  fitNote: z.string().optional(),
  wentWell: z.string().optional(),
  change: z.string().optional(),
});

const entryBase = {
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  date: daySchema,
  tags: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
};

export const rejectionSchema = z.object({
  ...entryBase,
  kind: z.literal("rejection"),
  company: z.string().min(1),
  role: z.string().min(1),
  stage: z.enum(STAGES),
  ended: z.enum(ENDINGS),
  reasonGiven: z.string().optional(),
  reasons: z.array(z.enum(REASONS)).default([]),
  /** Their email as pasted, kept only when the person asked for it to be. */
  email: z.string().optional(),
  mood: moodSchema,
  emotions: z.array(z.enum(EMOTIONS)).default([]),
  contact: z.string().optional(),
  reflection: reflectionSchema.optional(),
  checkins: z.array(checkinSchema).default([]),
  actions: z.array(actionSchema).default([]),
  feedback: z.array(feedbackSchema).default([]),
});

export const winSchema = z.object({
  ...entryBase,
  kind: z.literal("win"),
  winKind: z.enum(WIN_KINDS),
  title: z.string().min(1),
  company: z.string().optional(),
  // A win such as an interview is when preparation gets planned. Older journals
  // have no actions on wins; the default reads them as none.
  actions: z.array(actionSchema).default([]),
});

export const entrySchema = z.discriminatedUnion("kind", [rejectionSchema, winSchema]);
