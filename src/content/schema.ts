import { z } from "zod";
import { EMOTIONS, ENDINGS, MOOD_MAX, MOOD_MIN, REASONS, STAGES } from "../journal/vocabulary.js";
import { cueProblem } from "../coach/cues.js";
import { PHASES, SIGNALS, TEMPLATE_KINDS, TEMPLATE_PLACEHOLDERS, TOPICS, type TemplateKind } from "./vocabulary.js";

export * from "./vocabulary.js";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and dashes)");
const text = z.string().trim().min(1, "must not be empty");
const mood = z.number().int().min(MOOD_MIN).max(MOOD_MAX);

const fitsSchema = z
  .object({
    stages: z.array(z.enum(STAGES)).optional(),
    endings: z.array(z.enum(ENDINGS)).optional(),
    mood: z
      .object({ min: mood.default(MOOD_MIN), max: mood.default(MOOD_MAX) })
      .strict()
      .refine((range) => range.min <= range.max, "min must not be above max")
      .optional(),
    reasons: z.array(z.enum(REASONS)).optional(),
    emotions: z.array(z.enum(EMOTIONS)).optional(),
    signals: z.array(z.enum(SIGNALS)).optional(),
  })
  .strict();

const moodRange = z
  .object({ min: mood.default(MOOD_MIN), max: mood.default(MOOD_MAX) })
  .strict()
  .refine((range) => range.min <= range.max, "min must not be above max");

/** Days since the rejection's date; a variant for an older rejection starts at `min`. */
const ageRange = z
  .object({ min: z.number().int().min(0).default(0), max: z.number().int().min(0).optional() })
  .strict()
  .refine((range) => range.max === undefined || range.min <= range.max, "min must not be above max");

/** When a strategy may be the first card: every condition given must hold. */
const leadSchema = z
  .object({ mood: moodRange.optional(), emotions: z.array(z.enum(EMOTIONS)).min(1).optional() })
  .strict()
  .refine((lead) => lead.mood || lead.emotions, "needs a mood range, emotions or both");

/** Which rejections a variant's wording is for: every condition given must hold. */
const variantFitsSchema = z
  .object({ stages: z.array(z.enum(STAGES)).optional(), endings: z.array(z.enum(ENDINGS)).optional(), age: ageRange.optional() })
  .strict();

const strategyVariantSchema = z
  .object({ fits: variantFitsSchema, summary: text.optional(), why: text.optional(), try: z.array(text).min(2).max(4).optional() })
  .strict();

const strategySchema = z
  .object({
    id,
    title: text,
    phase: z.enum(PHASES),
    summary: text,
    why: text,
    try: z.array(text).min(2, "needs 2 to 4 actions").max(4, "needs 2 to 4 actions"),
    fits: fitsSchema.default({}),
    first: z.array(leadSchema).min(1).optional(),
    variants: z.array(strategyVariantSchema).optional(),
  })
  .strict();

export const strategiesFileSchema = z.object({ strategies: z.array(strategySchema) }).strict();

const PROMPT_KEYS = [
  "mood",
  "mood_later",
  "ratings",
  "control",
  "thought",
  "trap",
  "balanced",
  "fit",
  "went_well",
  "change",
  "actions",
  "checkin",
] as const;

const questionSchema = z
  .object({
    id,
    stages: z.array(z.enum(STAGES)).min(1),
    topic: z.enum(TOPICS),
    endings: z.array(z.enum(ENDINGS)).min(1).optional(),
    text,
    hint: text.optional(),
  })
  .strict();

const stepSchema = z.object({ id, label: text, from: z.enum(STAGES) }).strict();

/** A cue phrase (see coach/cues.ts): whole words, `word*`, `a|b`, `...`. */
const cue = text.superRefine((value, context) => {
  const problem = cueProblem(value);
  if (problem) context.addIssue({ code: "custom", message: `cue '${value}' ${problem}` });
});
const cueList = z.array(cue);

const trapSchema = z
  .object({
    id,
    name: text,
    description: text,
    example: text,
    question: text,
    /** The strategy that helps most with this trap: `thought` points to it. */
    strategy: id.optional(),
    cues: cueList.default([]),
  })
  .strict();

/** A person's trap: a new one needs every field; one with a built-in id may give only cues to add. */
const trapOverrideSchema = trapSchema.partial().required({ id: true });

export const reflectionFileSchema = z
  .object({
    prompts: z.object(Object.fromEntries(PROMPT_KEYS.map((key) => [key, text])) as Record<(typeof PROMPT_KEYS)[number], typeof text>).strict(),
    steps: z.array(stepSchema).min(1),
    questions: z.array(questionSchema).min(1),
    traps: z.array(trapSchema).min(1),
  })
  .strict();

/** A user's reflection.yaml may add or replace any part, so every key is optional. */
export const reflectionOverrideSchema = z
  .object({
    prompts: reflectionFileSchema.shape.prompts.partial().optional(),
    steps: z.array(stepSchema).optional(),
    questions: z.array(questionSchema).optional(),
    traps: z.array(trapOverrideSchema).optional(),
  })
  .strict();

/** reading.yaml: the phrases that say which stage, ending and reasons an email (or a typed reason) tells of. */
export const readingFileSchema = z
  .object({
    stages: z.partialRecord(z.enum(STAGES), cueList).default({}),
    endings: z.partialRecord(z.enum(ENDINGS), cueList).default({}),
    reasons: z.partialRecord(z.enum(REASONS), cueList).default({}),
  })
  .strict();

const placeholderText = text.refine(
  (value) =>
    [...value.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].every((match) =>
      (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(match[1]!),
    ),
  `may only use the placeholders ${TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(", ")}`,
);

const templateVariantSchema = z
  .object({
    fits: variantFitsSchema,
    title: text.optional(),
    when: text.optional(),
    subject: placeholderText.optional(),
    body: placeholderText.optional(),
  })
  .strict();

export const templateSchema = z
  .object({
    id: z.enum(TEMPLATE_KINDS),
    title: text,
    when: text,
    subject: placeholderText,
    body: placeholderText,
    variants: z.array(templateVariantSchema).optional(),
  })
  .strict();

/** A theme to look for in received feedback: words that start with one of its keywords. */
const feedbackThemeSchema = z
  .object({ id, label: text, keywords: z.array(z.string().trim().min(2, "must be 2 or more characters")).min(1) })
  .strict();

export const feedbackThemesFileSchema = z.object({ themes: z.array(feedbackThemeSchema) }).strict();

export type Fits = z.infer<typeof fitsSchema>;
export type Strategy = z.infer<typeof strategySchema>;
export type Question = z.infer<typeof questionSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Trap = z.infer<typeof trapSchema>;
export type TrapOverride = z.infer<typeof trapOverrideSchema>;
export type ReadingCues = z.infer<typeof readingFileSchema>;
export type ReflectionContent = z.infer<typeof reflectionFileSchema>;
export type Template = z.infer<typeof templateSchema>;
export type VariantFits = z.infer<typeof variantFitsSchema>;
export type Lead = z.infer<typeof leadSchema>;
export type FeedbackTheme = z.infer<typeof feedbackThemeSchema>;

export interface Content {
  strategies: Strategy[];
  reflection: ReflectionContent;
  templates: Record<TemplateKind, Template>;
  feedbackThemes: FeedbackTheme[];
  reading: ReadingCues;
}
