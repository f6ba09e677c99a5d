import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { EMAIL_FIELDS } from "../../src/coach/email-fields.js";
import type { EmailReading } from "../../src/coach/read-email.js";
import { REASONS, type Reason } from "../../src/journal/vocabulary.js";

// Scoring an email reader against a labelled corpus folder (its .txt files and
// expected.yaml, as test/corpora/README.md describes). The measurement script
// and the corpus test share it, so both count the same way.

// Scored field by field: the fields reading an email can give.
export { EMAIL_FIELDS };
export type EmailField = (typeof EMAIL_FIELDS)[number];

export interface ExpectedEmail {
  file: string;
  company: string | null;
  role: string | null;
  stage: string | null;
  ended: string | null;
  reasonGiven: string | null;
  reasons: Reason[];
}

export interface FieldScore {
  /** The expected value, or nothing where nothing was expected. */
  correct: number;
  /** A value that differs from the expected one, counting `invented`. */
  wrong: number;
  /** A value where the label has none: the reader said what the email does not. */
  invented: number;
  /** Nothing where a value was expected. */
  missed: number;
}

export interface LabelScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Miss {
  file: string;
  field: EmailField;
  expected: unknown;
  got: unknown;
}

export interface CorpusScore {
  emails: number;
  fields: Record<EmailField, FieldScore>;
  labels: Record<Reason, LabelScore>;
  misses: Miss[];
}

const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();

/** Names compare without case and without punctuation around them: "Orbitpay." is "orbitpay". */
const sameName = (a: string, b: string): boolean => {
  const bare = (text: string) =>
    collapse(text)
      .toLowerCase()
      .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, "");
  return bare(a) === bare(b);
};

/**
 * A company's legal form is no part of which company it is: the labels write
 * "Carrow Baird LLP" as the email does, the reader drops the form as
 * src/coach/email-names.ts says, and either names the same employer.
 */
const LEGAL_FORM = /,?\s+(?:inc|ltd|llc|llp|plc|co|limited|corp|gmbh|pty|lp|ab|ag|bv|nv|oy)\.?$/i;
const sameCompany = (a: string, b: string): boolean =>
  sameName(a.trim().replace(LEGAL_FORM, ""), b.trim().replace(LEGAL_FORM, ""));

/**
 * A reason passage is right when it is the labelled passage (spaces collapsed),
 * or holds it whole and is at most half as long again: a sentence more around
 * the reason is fine, the whole email is not.
 */
export const PASSAGE_SLACK = 1.5;
const samePassage = (got: string, expected: string): boolean => {
  const [a, b] = [collapse(got), collapse(expected)];
  return a === b || (a.includes(b) && a.length <= PASSAGE_SLACK * b.length);
};

const sameReasons = (got: readonly string[], expected: readonly string[]): boolean =>
  got.length === expected.length && expected.every((reason) => got.includes(reason));

export function loadExpected(dir: string): ExpectedEmail[] {
  const list = parse(readFileSync(join(dir, "expected.yaml"), "utf8")) as (ExpectedEmail & { reasons?: Reason[] })[];
  return list.map((item) => ({ ...item, reasons: item.reasons ?? [] }));
}

function valueOf(reading: EmailReading, field: Exclude<EmailField, "reasons">): string | undefined {
  if (field === "reasonGiven") return reading.reasonGiven;
  return reading[field]?.value;
}

export function scoreEmails(dir: string, read: (text: string) => EmailReading): CorpusScore {
  const expected = loadExpected(dir);
  const fields = Object.fromEntries(
    EMAIL_FIELDS.map((field) => [field, { correct: 0, wrong: 0, invented: 0, missed: 0 }]),
  ) as Record<EmailField, FieldScore>;
  const counts = Object.fromEntries(REASONS.map((reason) => [reason, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Reason,
    { tp: number; fp: number; fn: number }
  >;
  const misses: Miss[] = [];

  for (const email of expected) {
    const reading = read(readFileSync(join(dir, email.file), "utf8"));
    for (const field of EMAIL_FIELDS) {
      const score = fields[field];
      if (field === "reasons") {
        const got = reading.reasons.map((reason) => reason.value);
        if (sameReasons(got, email.reasons)) score.correct++;
        else if (got.length === 0) score.missed++;
        else score.wrong++;
        if (email.reasons.length === 0 && got.length > 0) score.invented++;
        if (!sameReasons(got, email.reasons)) misses.push({ file: email.file, field, expected: email.reasons, got });
        for (const reason of REASONS) {
          const [want, have] = [email.reasons.includes(reason), got.includes(reason)];
          if (want && have) counts[reason].tp++;
          else if (have) counts[reason].fp++;
          else if (want) counts[reason].fn++;
        }
        continue;
      }
      const want = email[field];
      const got = valueOf(reading, field);
      const same =
        want === null || got === undefined
          ? want === null && got === undefined
          : field === "reasonGiven"
            ? samePassage(got, want)
            : field === "company"
              ? sameCompany(got, want)
              : field === "role"
                ? sameName(got, want)
                : got === want;
      if (same) {
        score.correct++;
        continue;
      }
      if (got === undefined) score.missed++;
      else score.wrong++;
      if (want === null) score.invented++;
      misses.push({ file: email.file, field, expected: want, got });
    }
  }

  const labels = Object.fromEntries(
    REASONS.map((reason) => {
      const { tp, fp, fn } = counts[reason];
      return [
        reason,
        {
          truePositives: tp,
          falsePositives: fp,
          falseNegatives: fn,
          precision: tp + fp === 0 ? 1 : tp / (tp + fp),
          recall: tp + fn === 0 ? 1 : tp / (tp + fn),
        },
      ];
    }),
  ) as Record<Reason, LabelScore>;
  return { emails: expected.length, fields, labels, misses };
}
