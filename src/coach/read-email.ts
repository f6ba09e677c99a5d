// TEMPORARY stub until the email branch merges.
import type { Ending, Reason, Stage } from "../journal/vocabulary.js";
import type { ReadingCues } from "../content/schema.js";
export interface Found<T> {
  value: T;
  from: string;
}
export interface EmailReading {
  company?: Found<string>;
  role?: Found<string>;
  stage?: Found<Stage>;
  ended?: Found<Ending>;
  reasonGiven?: string;
  reasons: Found<Reason>[];
}
export function readEmail(text: string, cues: ReadingCues): EmailReading {
  void cues;
  const m = /company: (\w+)/i.exec(text);
  return { reasons: [], ...(m ? { company: { value: m[1]!, from: m[0] } } : {}) };
}
export function likelyReasons(text: string, cues: ReadingCues, ended?: Ending): Found<Reason>[] {
  void text;
  void cues;
  void ended;
  return [];
}
