import type { ReadingCues } from "../content/schema.js";
import { ALONE_REASON, reasonConflict } from "../journal/reason-rules.js";
import { ENDINGS, REASONS, STAGES, stageRank, type Ending, type Reason, type Stage } from "../journal/vocabulary.js";
import { findCues, type CueMatch } from "./cues.js";
import { emailParts } from "./email-parts.js";
import { cleanEmailText, collapseSpaces, splitSentences, type Sentence } from "./email-text.js";
import { readCompany } from "./email-company.js";
import { readRole } from "./email-role.js";

// Reading a pasted rejection email into the fields of an entry, offline and
// explainably: each value carries the words it was read from, and a field the
// email does not give is left out so that the person is asked instead. The
// wording of stages, endings and reasons is content (content/reading.yaml);
// finding names, the message and the reason's sentences is layout, and code.

/** A value read from the text, with the words it came from (copied from the cleaned email). */
export interface Found<T> {
  value: T;
  from: string;
}

export interface EmailReading {
  company?: Found<string>;
  role?: Found<string>;
  stage?: Found<Stage>;
  ended?: Found<Ending>;
  /** The sentence or two that carry the reason: an exact passage of the cleaned email, whitespace collapsed. */
  reasonGiven?: string;
  /** No duplicates, and never a pair that reasonConflict() refuses. */
  reasons: Found<Reason>[];
}

/** How many sentences a reason passage may run to: the reason, not the whole email. */
const MAX_PASSAGE_SENTENCES = 3;

/** Endings in the order they win: a role that went away or a lapse says more than a plain no. */
const ENDING_ORDER: readonly Ending[] = ["role-closed", "ghosted", "rejected"];

interface Located<T> {
  value: T;
  match: CueMatch;
}

/** Every cue match of every key, in the text's order. */
function locate<K extends string>(
  text: string,
  keys: readonly K[],
  cues: Partial<Record<K, string[]>>,
  skipNegated: boolean,
): Located<K>[] {
  return keys
    .flatMap((value) => findCues(text, cues[value] ?? [], { skipNegated }).map((match) => ({ value, match })))
    .sort((a, b) => a.match.start - b.match.start);
}

/** Reasons in a passage's order, once each, with "unknown" only when nothing else was said. */
function pickReasons(found: Located<Reason>[], ended: Ending | undefined): Found<Reason>[] {
  const picked: Found<Reason>[] = [];
  for (const { value, match } of found) {
    if (picked.some((reason) => reason.value === value)) continue;
    if (reasonConflict(ended, [value])) continue;
    picked.push({ value, from: match.words });
  }
  const others = picked.filter((reason) => reason.value !== ALONE_REASON);
  return others.length > 0 ? others : picked;
}

/**
 * How it ended: role-closed over ghosted over rejected, as the ending cues say,
 * set right by the reasons the email gives when the two disagree.
 */
function chooseEnding(endings: Located<Ending>[], reasons: Located<Reason>[]): Located<Ending> | undefined {
  // Of an ending's cues, the longest explains it best: "decided not to move forward" over "Unfortunately".
  const ending = (value: Ending) =>
    endings
      .filter((item) => item.value === value)
      .reduce<Located<Ending> | undefined>(
        (best, item) => (!best || item.match.words.length > best.match.words.length ? item : best),
        undefined,
      );
  const reason = (value: Reason) => reasons.find((item) => item.value === value);
  const ended = ENDING_ORDER.map(ending).find(Boolean);
  const gone = reason("cancelled") ?? reason("internal");
  const lost = reason("competition");
  // "The position has been filled by another candidate": the role went to someone else; it did not go away.
  if (ended?.value === "role-closed" && lost && !gone)
    return ending("rejected") ?? { value: "rejected", match: lost.match };
  // A role cut, frozen or given to an insider went away, however plainly the email says no.
  if (gone && !lost && ended?.value !== "role-closed" && ended?.value !== "ghosted") {
    return { value: "role-closed", match: gone.match };
  }
  // Other candidates chosen is a no, whether or not the email words it as one.
  return ended ?? (lost && { value: "rejected", match: lost.match });
}

/** The likely reasons in a reason typed by hand (same cues as an email's). */
export function likelyReasons(text: string, cues: ReadingCues, ended?: Ending): Found<Reason>[] {
  const clean = cleanEmailText(text);
  return pickReasons(locate(clean, REASONS, cues.reasons, true), ended);
}

/**
 * The passage that carries the reason: the run of neighbouring sentences (one
 * paragraph, at most three) with the most kinds of reason in it, the first run
 * on a tie. A lone sentence loses a trailing ", but ..." that holds no reason,
 * as in "We've decided to go with someone else, but it was a pleasure".
 */
function reasonPassage(text: string, sentences: Sentence[], found: Located<Reason>[]): string | undefined {
  // Both lists run in the text's order, so one pass pairs each cue with its sentence.
  const byIndex = new Map<number, Located<Reason>[]>();
  let index = 0;
  for (const item of [...found].sort((a, b) => a.match.start - b.match.start)) {
    while (index < sentences.length && sentences[index]!.end <= item.match.start) index++;
    const sentence = sentences[index];
    if (!sentence || item.match.start < sentence.start) continue;
    const list = byIndex.get(index) ?? [];
    list.push(item);
    byIndex.set(index, list);
  }
  let best: { first: number; last: number; kinds: number } | undefined;
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  for (let at = 0; at < indexes.length; at++) {
    const first = indexes[at]!;
    let last = first;
    while (
      byIndex.has(last + 1) &&
      last + 1 - first < MAX_PASSAGE_SENTENCES &&
      sentences[last + 1]!.paragraph === sentences[first]!.paragraph
    ) {
      last++;
    }
    const kinds = new Set<Reason>();
    for (let next = first; next <= last; next++) for (const item of byIndex.get(next)!) kinds.add(item.value);
    if (!best || kinds.size > best.kinds) best = { first, last, kinds: kinds.size };
    at += last - first; // the run's sentences are consecutive indexes
  }
  if (!best) return undefined;
  const start = sentences[best.first]!.start;
  let end = sentences[best.last]!.end;
  if (best.first === best.last) {
    const lastCue = Math.max(...byIndex.get(best.first)!.map((item) => item.match.end));
    const but = text.slice(lastCue, end).search(/,\s+but\s/);
    if (but !== -1) end = lastCue + but;
  }
  return collapseSpaces(text.slice(start, end));
}

/**
 * "You won't progress to the final round": a step named as where the person is
 * not going. The negation sits further back than a cue's own check reaches, so
 * the words just before a stage cue are looked at here.
 */
const NOT_REACHED =
  /\b(?:not|never|won't|unable|cannot|can't|didn't)\b[^.!?;\n]{0,40}\b(?:to|for|into|onto)\s+(?:the\s+|an?\s+|our\s+)?(?:next\s+)?$/i;
const notReached = (text: string, at: number): boolean => NOT_REACHED.test(text.slice(Math.max(0, at - 80), at));

/**
 * "We offer a competitive salary", "Fenbrook is committed to an inclusive
 * culture": what an employer says of itself, often in the message above the
 * sign-off, names no reason for this person's outcome.
 */
const SELLING_POINT =
  /^(?:we|our (?:company|firm|team|business|organi[sz]ation)|\p{Lu}[\p{L}&'’-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}&'’-]*){0,4})\s+(?:also\s+)?(?:offers?|(?:is|are) (?:committed|proud|an? (?:equal|inclusive|flexible))|welcomes?|values?|prides?)\b/u;
function inSellingPoint(text: string, sentences: Sentence[], item: Located<Reason>): boolean {
  const sentence = sentences.find((each) => each.start <= item.match.start && item.match.start < each.end);
  const before = sentence && text.slice(sentence.start, item.match.start);
  // "We value your interest, but we chose someone else": the turn brings the news back.
  return (
    before !== undefined && SELLING_POINT.test(before) && !/\b(?:but|however|although|though|yet)\b|;/i.test(before)
  );
}

/** What a pasted rejection email says: each field it gives, with the words it came from; nothing it does not. */
export function readEmail(raw: string, cues: ReadingCues): EmailReading {
  const text = cleanEmailText(raw);
  const parts = emailParts(text);
  const body = text.slice(parts.bodyStart, parts.bodyEnd);
  const subject = parts.subject?.text ?? "";
  const reading: EmailReading = { reasons: [] };

  const company = readCompany(parts);
  if (company) reading.company = company;
  const role = readRole(parts);
  if (role) reading.role = role;

  // The furthest stage the email says was reached; the subject line counts too ("final round").
  const stages = [
    ...locate(subject, STAGES, cues.stages, true),
    ...locate(body, STAGES, cues.stages, true).filter((item) => !notReached(body, item.match.start)),
  ];
  const stage = stages.reduce<Located<Stage> | undefined>(
    (furthest, item) => (!furthest || stageRank(item.value) > stageRank(furthest.value) ? item : furthest),
    undefined,
  );
  if (stage) reading.stage = { value: stage.value, from: stage.match.words };

  const sentences = splitSentences(body, 0, body.length);
  const reasons = locate(body, REASONS, cues.reasons, true).filter((item) => !inSellingPoint(body, sentences, item));
  // A subject line ("Application unsuccessful") tells the ending only when the message does not.
  const inBody = locate(body, ENDINGS, cues.endings, false);
  const endings = inBody.length > 0 ? inBody : locate(subject, ENDINGS, cues.endings, false);
  const ended = chooseEnding(endings, reasons);
  if (ended) reading.ended = { value: ended.value, from: ended.match.words };

  reading.reasons = pickReasons(reasons, reading.ended?.value);
  const kept = new Set(reading.reasons.map((reason) => reason.value));
  const carrying = reasons.filter((item) => kept.has(item.value) && item.value !== ALONE_REASON);
  const passage = reasonPassage(body, sentences, carrying);
  if (passage) reading.reasonGiven = passage;
  return reading;
}
