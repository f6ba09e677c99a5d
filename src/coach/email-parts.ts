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

const FORWARD_MARKER = /^(?:-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:?)$/i;
const HEADER = /^(from|to|cc|date|sent|subject|reply-to):\s?(.*)$/i;
const GREETING = /^(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\b[ ,]*([^,!:]{0,60}?)\s*[,!:]?$/i;
/** A line that is only a closing phrase ("Kind regards,", "Cheers,", "Thank you,"). */
const SIGN_OFF =
  /^(?:(?:kind|best|warm|warmest|warmly|many|with best|with kind|all the best|regards|best wishes|cheers|thanks|thank you|many thanks|sincerely|yours sincerely|yours faithfully|yours truly|respectfully|warmly|take care|all best|best regards|kind regards|warm regards|with thanks)(?: regards| wishes)?)[,.!]?$/i;
/** Subject prefixes a reply or forward adds. */
const SUBJECT_PREFIX = /^(?:(?:re|fw|fwd|aw|sv)\s*:\s*)+/i;

/** A short line that is not a sentence: a name, a title, a company, an address. */
const isLabelLine = (line: string): boolean => line.length > 0 && line.length <= 70 && !/[.!?;:,]$/.test(line);

const nameWords = (name: string): string[] =>
  name
    .split(/[\s,.]+/)
    .filter((word) => /^\p{Lu}/u.test(word) && !/^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Team|All)$/.test(word));

export function emailParts(text: string): EmailParts {
  const lines = splitLines(text);
  const recipient = new Set<string>();
  let index = lines.findIndex((line) => FORWARD_MARKER.test(line.text));
  // A note above a forwarded message is the forwarder's, not the employer's.
  index = index === -1 ? 0 : index + 1;

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
      const name = /^"?([^"<]*?)"?\s*</.exec(value)?.[1];
      if (name) fromName = { text: name, start: valueStart + value.indexOf(name) };
    } else if (field === "to") {
      for (const word of nameWords(value.replace(/<[^>]*>/g, ""))) recipient.add(word);
    }
  }

  const greeting = lines[index] ? GREETING.exec(lines[index]!.text) : null;
  if (greeting) {
    for (const word of nameWords(greeting[1] ?? "")) recipient.add(word);
    index++;
  }
  const bodyStart = lines[index]?.start ?? text.length;

  const { end, signature } = findSignature(lines, index);
  return { text, subject, fromName, recipient, bodyStart, bodyEnd: end, signature };
}

/** Where the message ends, and the signature lines under it. */
function findSignature(lines: Line[], from: number): { end: number; signature: Line[] } {
  const blockFrom = (at: number): Line[] => {
    let first = at;
    while (lines[first]?.text === "") first++;
    const block: Line[] = [];
    for (let index = first; index < lines.length && lines[index]!.text !== ""; index++) block.push(lines[index]!);
    return block;
  };
  const signOff = lines.findIndex((line, index) => index >= from && SIGN_OFF.test(line.text));
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
