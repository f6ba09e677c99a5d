import { splitLines, type Line } from "./email-text.js";

// The parts of a cleaned email, by layout alone: the headers a copy keeps
// (Subject:, From:), the greeting that names the recipient, the message, the
// sign-off and the signature under it. Whatever follows the signature (legal
// notices, "We offer flexible working", job lists) is left out of the message,
// so a footer can never be read as a reason.

export interface EmailParts {
  text: string;
  subject?: Line;
  /** The display name of the From: header, without the address. */
  fromName?: Line;
  /** Words naming the recipient ("Priya" of "Hi Priya", the To: name): never the company. */
  recipient: Set<string>;
  /** The message proper, as offsets into `text`. */
  bodyStart: number;
  bodyEnd: number;
  /** The lines under the sign-off, up to the first blank line; the first is usually the sender. */
  signature: Line[];
}

const FORWARD_MARKER = /^(?:-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:?)$/i;
/** Outlook puts this over a forwarded message and over the message a reply answers alike. */
const ORIGINAL_MARKER = /^-{2,}\s*original message\s*-{2,}$/i;
/** The line over the quoted message of a reply: "On Tue, 3 Nov 2026 at 10:02, Sam <sam@…> wrote:". */
const REPLY_LINE = /^on\s.{4,200}\swrote:$/i;
const HEADER = /^(from|to|cc|date|sent|subject|reply-to):\s?(.*)$/i;
const GREETING = /^(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\b[ ,]*([^,!:]{0,60}?)\s*[,!:]?$/i;
/** A greeting with the message on the same line: "Dear Alex, Thank you for your application ...". */
const INLINE_GREETING = /^(?:dear|hi|hello|hey)\s+([^,!:]{1,40}?)\s*[,!:]\s+\S/i;
/** A line that is only a closing phrase ("Kind regards,", "Cheers,", "Thank you,"), or "--" over a signature. */
const SIGN_OFF = new RegExp(
  "^(?:--|" +
    [
      "(?:kind|best|warm|warmest|many|with kind|with best)? ?(?:regards|wishes)",
      "best",
      "all (?:the )?(?:very )?best",
      "all best",
      "best of luck",
      "good luck",
      "cheers",
      "thanks(?: again| so much)?",
      "thank you(?: again)?",
      "many thanks",
      "with thanks",
      "(?:yours )?(?:sincerely|faithfully|truly)",
      "respectfully",
      "warmly",
      "take care",
      "speak soon",
      "talk soon",
    ].join("|") +
    ")[,.!]?$",
  "i",
);
/**
 * Above a forwarded message there is at most a short note; a longer text, or
 * one with a sign-off, is a reply, and the message under it is the older one.
 */
const MAX_FORWARD_NOTE = 200;
/** Subject prefixes a reply or forward adds. */
const SUBJECT_PREFIX = /^(?:(?:re|fw|fwd|aw|sv)\s*:\s*)+/i;

/** A short line that is not a sentence: a name, a title, a company, an address. */
const isLabelLine = (line: string): boolean => line.length > 0 && line.length <= 70 && !/[.!?;:,]$/.test(line);

const nameWords = (name: string): string[] =>
  name
    .split(/[\s,.]+/)
    .filter((word) => /^\p{Lu}/u.test(word) && !/^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Team|All)$/.test(word));

/** Where a message quoted below the text starts: a forward marker, a reply line or a header block. */
function quoteBoundary(lines: Line[]): { index: number; forward: boolean } | undefined {
  // The note is measured from its own first line: the headers of the forward itself are no part of it.
  let noteStart: number | undefined;
  for (const [index, line] of lines.entries()) {
    const textAbove = noteStart !== undefined;
    if (FORWARD_MARKER.test(line.text)) return { index, forward: true };
    if (REPLY_LINE.test(line.text)) return { index, forward: false };
    const headerBlock =
      textAbove &&
      /^from:/i.test(line.text) &&
      lines.slice(index + 1, index + 5).some((next) => /^(?:subject|sent|date):/i.test(next.text));
    if (ORIGINAL_MARKER.test(line.text) || headerBlock) {
      const above = lines.slice(0, index);
      const note =
        line.start - (noteStart ?? 0) <= MAX_FORWARD_NOTE && !above.some((prior) => SIGN_OFF.test(prior.text));
      return { index, forward: note };
    }
    if (line.text !== "" && !HEADER.test(line.text)) noteStart ??= line.start;
  }
  return undefined;
}

export function emailParts(text: string): EmailParts {
  const lines = splitLines(text);
  const recipient = new Set<string>();
  // The note above a forwarded message is the forwarder's; a message quoted under a reply is older.
  const boundary = quoteBoundary(lines);
  let index = boundary?.forward ? boundary.index + 1 : 0;
  const quoteAt = boundary && !boundary.forward ? lines[boundary.index]!.start : text.length;
  while (ORIGINAL_MARKER.test(lines[index]?.text ?? "")) index++;

  let subject: Line | undefined;
  let fromName: Line | undefined;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const header = HEADER.exec(line.text);
    if (!header) {
      if (line.text === "") continue;
      break;
    }
    const field = header[1]!.toLowerCase();
    const value = header[2]!;
    const valueStart = line.start + line.text.length - value.length;
    if (field === "subject") {
      const prefix = SUBJECT_PREFIX.exec(value)?.[0].length ?? 0;
      subject = { text: value.slice(prefix), start: valueStart + prefix };
    } else if (field === "from") {
      const name = /^"?([^"<]*?)"?\s*(?:<|$)/.exec(value)?.[1];
      if (name && !name.includes("@")) fromName = { text: name, start: valueStart + value.indexOf(name) };
    } else if (field === "to") {
      for (const word of nameWords(value.replace(/<[^>]*>/g, ""))) recipient.add(word);
    }
  }

  const first = lines[index]?.text ?? "";
  const greeting = GREETING.exec(first) ?? INLINE_GREETING.exec(first);
  for (const word of nameWords(greeting?.[1] ?? "")) recipient.add(word);
  if (greeting && GREETING.test(first)) index++;
  const bodyStart = lines[index]?.start ?? text.length;
  const own = lines.filter((line) => line.start < quoteAt);
  const { end, signature } = findSignature(own, index);
  return {
    text,
    subject,
    fromName,
    recipient,
    bodyStart,
    bodyEnd: Math.max(bodyStart, Math.min(end, quoteAt)),
    signature,
  };
}

/**
 * A closing line of the sender's own wording: short, ending in a comma, with a
 * name under it and nothing after but short lines ("Best of luck in your search,").
 */
function closes(lines: Line[], index: number): boolean {
  const line = lines[index]!.text;
  if (line.length > 40 || !/^\p{Lu}.*,$/u.test(line)) return false;
  const below = lines.slice(index + 1, index + 5).filter((next) => next.text !== "");
  return below.length > 0 && below.length <= 4 && below.every((next) => isLabelLine(next.text));
}

/** Where the message ends, and the signature lines under it. */
function findSignature(lines: Line[], from: number): { end: number; signature: Line[] } {
  const blockFrom = (at: number): Line[] => {
    let first = at;
    while (lines[first]?.text === "") first++;
    const block: Line[] = [];
    let index = first;
    for (; index < lines.length && lines[index]!.text !== ""; index++) block.push(lines[index]!);
    // "Warm wishes, / Ruth", then the full signature a blank line below: a first name alone is not all of it.
    if (block.length === 1 && /^\p{Lu}[\p{L}'’-]*$/u.test(block[0]!.text)) {
      while (lines[index]?.text === "") index++;
      for (; index < lines.length && isLabelLine(lines[index]!.text); index++) block.push(lines[index]!);
    }
    return block;
  };
  const signOff = lines.findIndex((line, index) => index >= from && (SIGN_OFF.test(line.text) || closes(lines, index)));
  if (signOff !== -1) return { end: lines[signOff]!.start, signature: blockFrom(signOff + 1) };

  // No closing phrase: the message ends at the first paragraph, after one made of
  // sentences, that opens with a short label line ("Kim Alvarez", "Top jobs for you").
  let seenSentences = false;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    const opensParagraph = line.text !== "" && (index === from || lines[index - 1]!.text === "");
    if (!opensParagraph) continue;
    if (isLabelLine(line.text)) {
      if (seenSentences) return { end: line.start, signature: blockFrom(index) };
    } else {
      seenSentences = true;
    }
  }
  const last = lines.at(-1);
  return { end: last ? last.start + last.text.length : 0, signature: [] };
}
