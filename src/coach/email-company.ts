import type { EmailParts } from "./email-parts.js";
import type { Line } from "./email-text.js";
import {
  AGENCY_WORDS,
  DEPARTMENT_TAIL,
  FUNCTION_WORDS,
  GENERIC_WORDS,
  JOB_BOARDS,
  LEGAL_TAIL,
  NOT_NAMES,
  ROLE_WORDS,
  TITLE_WORDS,
} from "./email-names.js";
import { subjectParts, titleEnd, words, type Named } from "./email-titles.js";

// The company, read from where emails put it: phrases of the message ("the X
// role at Y", "interest in Y"), the subject line, a "The Y Team" sign-off, the
// signature and the sender's name. Anything that could be the recipient, an
// agency, a job board, a title, a department or an address is refused, so a
// company the email does not name stays empty.

/** The company's name in `raw`, or undefined when it is not a company's. */
function asCompany(raw: string, recipient: Set<string>): string | undefined {
  let name = raw.trim().replace(/[.,;:]+$/, "");
  // "Apex Construction Recruitment Ltd" signs as an agency: its trade word is in its name, not a department's.
  if (
    /\brecruitment(?:\s+(?:ltd|limited|llp|group))?$/i.test(name) &&
    !/\s+(?:team|services)$/i.test(name) &&
    words(name).length > 2
  ) {
    return undefined;
  }
  for (let pass = 0; pass < 2; pass++) name = name.replace(LEGAL_TAIL, "").replace(DEPARTMENT_TAIL, "").trim();
  const parts = words(name);
  if (parts.length === 0 || parts.length > 6 || name.length > 60) return undefined;
  // A name starts with a capital: "Your job application" names no company.
  if (!/^[\p{Lu}\p{N}]/u.test(name)) return undefined;
  // A title word anywhere makes a job title or a department ("VP Engineering", "People & Culture").
  if (NOT_NAMES.has(parts[0]!) || parts.some((part) => TITLE_WORDS.has(part) || recipient.has(part))) return undefined;
  if (name.includes(",") || parts.some((part) => GENERIC_WORDS.has(part))) return undefined;
  if (parts.every((part) => FUNCTION_WORDS.has(part) || /^(?:&|and|of)$/i.test(part))) return undefined;
  if (/\d/.test(name) || /@|www\.|https?:/.test(name)) return undefined;
  if (
    /^(?:road|street|st|drive|avenue|ave|lane|place|park|way|blvd|suite|floor|unit|square|court)$/i.test(parts.at(-1)!)
  ) {
    return undefined;
  }
  if (AGENCY_WORDS.test(name) || JOB_BOARDS.test(name)) return undefined;
  // "School of History", "Day Surgery Unit": a part of the organisation, whose own name signs on another line.
  if (DEPARTMENT_SHAPE.test(name)) return undefined;
  return name;
}

const DEPARTMENT_SHAPE =
  /^(?:school|department|dept|faculty|division|directorate|office of the)\s+(?:of|for)\s|\s(?:unit|ward|department|dept|directorate|faculty)$/i;

/** "Staff Nurse - Day Surgery" over "our Day Surgery Unit": the email writes the name as a department's. */
function departmentElsewhere(parts: EmailParts, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${escaped}\\s+(?:unit|ward|department|dept|team|clinic|directorate)\\b|\\b(?:department|school|faculty) of ${escaped}\\b`,
    "iu",
  ).test(parts.text);
}

/**
 * "Interest in Brightline" over a signature's "Brightline Medical Billing, Inc.":
 * the message's short form, written out whole where the company signs.
 */
function signedInFull(parts: EmailParts, named: Named): Named {
  for (const line of parts.signature) {
    if (!line.text.startsWith(`${named.value} `)) continue;
    const value = asCompany(line.text, parts.recipient);
    if (value && value.length > named.value.length && value.startsWith(named.value)) return { value, from: line.text };
  }
  return named;
}

/**
 * Phrases after which the company's name follows, strongest first. Phrases that
 * a person's name follows as often ("feedback from Sarah", "interviewing with
 * Tom") are not among them: a capitalised name alone cannot tell the two apart.
 * The capital itself is checked by titleEnd: under the i flag, \p{Lu} would
 * match a lowercase letter too.
 */
const COMPANY_LEADS = [
  /\b(?:(?:position|role|job|vacancy|opening|post|opportunity|programme|program|internship|team|careers?|here|manager|managers|panel|interviewers|leadership)\s+(?:at|with)|(?:with|join) us at)\s+(?:the\s+)?(?=\S)/giu,
  /\b(?:interest in|interested in|(?:re)?apply(?:ing)? to|applied to|application (?:to|with|at)|join(?:ing)?|work(?:ing)? (?:at|for)|employment (?:at|with)(?: the)?|consider|keep)\s+(?=\S)/giu,
];

function fromLeads(text: string, start: number, end: number, recipient: Set<string>): Named | undefined {
  const slice = text.slice(start, end);
  for (const lead of COMPANY_LEADS) {
    for (const match of slice.matchAll(lead)) {
      const nameStart = match.index + match[0].length;
      const nameEnd = titleEnd(slice, nameStart);
      // "the post with Priya Lal, who has been with us": a person is "who", a company never.
      if (/^,?\s+who\b/.test(slice.slice(nameEnd))) continue;
      const value = asCompany(slice.slice(nameStart, nameEnd), recipient);
      if (value) return { value, from: slice.slice(match.index, nameEnd) };
    }
    // "the Procurement Analyst at Ironbridge": a title word, then "at" and the company.
    if (lead === COMPANY_LEADS[0]) {
      for (const match of slice.matchAll(/\b(\p{Lu}[\p{L}-]*)(?:\s+\([^()]{0,40}\))?\s+at\s+(?=\p{Lu})/gu)) {
        if (!ROLE_WORDS.has(match[1]!)) continue;
        const nameStart = match.index + match[0].length;
        const nameEnd = titleEnd(slice, nameStart);
        const value = asCompany(slice.slice(nameStart, nameEnd), recipient);
        if (value) return { value, from: slice.slice(match.index, nameEnd) };
      }
    }
  }
  return undefined;
}

const isTitle = (piece: string): boolean => words(piece).some((word) => TITLE_WORDS.has(word));
/**
 * A company's own form: a legal ending ("Ltd"), a department after the name
 * ("Careers"), or a university, which signs below its schools and institutes.
 */
const isMarked = (piece: string): boolean =>
  LEGAL_TAIL.test(piece.replace(/\.$/, "")) ||
  DEPARTMENT_TAIL.test(piece) ||
  /^University of\s|\sUniversity$/.test(piece);

/**
 * The pieces of a signature line that can be the company: the whole line; a
 * piece beside a title or an address between "|" ("Talent Partner | Quarrymoor");
 * after a comma only behind a title ("Controller, Redwood Valley Credit Union"),
 * before one only ahead of an address ("Hollis Freight Ltd, Unit 7, Derby").
 * So "Boston, MA" and "London, UK" never are.
 */
function signaturePieces(line: string, sender: boolean): string[] {
  // "Mo at Kitebird", "Recruiter at Plumtree": whoever signs, the company follows "at".
  const at = /^[\p{Lu}][^\s]*(?:\s+[\p{Lu}][^\s]*){0,3}\s+(?:at|@)\s+(\p{Lu}.*)$/u.exec(line)?.[1];
  const pieces = sender ? [] : [line];
  if (at) pieces.push(at);
  const bars = line.split(/\s*[|·•]\s*/);
  bars.forEach((bar, index) => {
    const others = bars.filter((_, other) => other !== index);
    const beside = others.some((other) => isTitle(other) || /\d/.test(other));
    if (bars.length > 1 && beside && !(sender && index === 0)) pieces.push(bar);
    const commas = bar.split(/,\s*/);
    if (commas.length < 2) return;
    if (isTitle(commas[0]!)) pieces.push(...commas.slice(1));
    else if (!(sender && index === 0) && commas.slice(1).some((piece) => /\d/.test(piece))) pieces.push(commas[0]!);
  });
  return pieces;
}

function fromSignature(signature: Line[], recipient: Set<string>): Named | undefined {
  const found: (Named & { marked: boolean })[] = [];
  // The first line is most often the sender's name; its words are no company's on the lines below ("Sam" over "Sam Carter").
  const senderWords = new Set(words(signature[0]?.text ?? "").filter((word) => !TITLE_WORDS.has(word)));
  for (const [index, line] of signature.entries()) {
    const team = /^The\s+(.+?)\s+Team$/i.exec(line.text);
    if (team) {
      const value = asCompany(team[1]!, recipient);
      if (value) found.push({ value, from: line.text, marked: true });
      continue;
    }
    // "Early Careers Team", "Emerging Talent Team": a team without "The" is a department's name.
    // A full stop after a short form ("Sr. Recruiter", "Asst. Manager") does not make a sentence.
    const sentence = /[.!?]\s/.test(line.text.replace(/\b(?:Sr|Snr|Jr|Jnr|Asst|Assoc|Mgr|Dir|Exec)\.\s/g, ""));
    if (line.text.length > 90 || sentence || /\sTeam$/.test(line.text)) continue;
    // A name over a title line ("Jane Doe" over "Hiring Manager") is a person's, whatever line it is on.
    const overTitle = !isMarked(line.text) && isTitle(signature[index + 1]?.text ?? "");
    const sender = (index === 0 || overTitle) && !isMarked(line.text);
    for (const piece of signaturePieces(line.text, sender)) {
      // "Sam Carter" under "Sam" is the sender again; "Fenton Gale Solicitors" under "Ruth Fenton" is a firm.
      const others = words(piece).filter((word) => !senderWords.has(word));
      if (index > 0 && others.length < words(piece).length && others.length <= 1) continue;
      const value = asCompany(piece, recipient);
      if (value) found.push({ value, from: piece, marked: isMarked(piece) });
    }
  }
  const best = found.find((item) => item.marked) ?? found[0];
  return best && { value: best.value, from: best.from };
}

/** Whether `name` appears as a word of the email outside its subject line. */
function namedElsewhere(parts: EmailParts, name: string): boolean {
  const subject = parts.subject!;
  const outside = parts.text.slice(0, subject.start) + "\n" + parts.text.slice(subject.start + subject.text.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(
    outside,
  );
}

/**
 * A subject's short form, written out in full elsewhere: "Oakhollow - feedback"
 * over "I've had Oakhollow Estates on the phone" is Oakhollow Estates.
 */
function fullerName(parts: EmailParts, name: string): Named | undefined {
  const subject = parts.subject!;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const match of parts.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?=[ \\t]+\\p{Lu})`, "gu"))) {
    if (match.index >= subject.start && match.index < subject.start + subject.text.length) continue;
    const end = titleEnd(parts.text, match.index, { connectors: false });
    // A name does not run on to the next line, where a signature puts the next item.
    const longer = parts.text.slice(match.index, end).split("\n")[0]!.trim();
    const added = words(longer.slice(name.length));
    if (added.some((word) => NOT_NAMES.has(word))) continue;
    const value = asCompany(longer, parts.recipient);
    if (value && value.length > name.length) return { value, from: longer };
  }
  return undefined;
}

export function readCompany(parts: EmailParts): Named | undefined {
  const { text, subject, recipient } = parts;
  const inBody = fromLeads(text, parts.bodyStart, parts.bodyEnd, recipient);
  if (inBody) return signedInFull(parts, inBody);
  if (subject) {
    const inSubject = fromLeads(text, subject.start, subject.start + subject.text.length, recipient);
    if (inSubject) return inSubject;
    const own = /^Your\s+(.+?)\s+application\b/.exec(subject.text);
    const ownValue = own && asCompany(own[1]!, recipient);
    if (ownValue) return { value: ownValue, from: subject.text };
    for (const part of subjectParts(subject)) {
      // "Barista Trainer at Quince Coffee": a subject in this form names the role, then the company.
      const at = /^(?:[\p{Lu}\p{N}][^\s]*\s+){0,6}?at\s+(?=\p{Lu})/u.exec(part.text);
      const atValue = at && asCompany(part.text.slice(at[0].length, titleEnd(part.text, at[0].length)), recipient);
      if (atValue) return { value: atValue, from: part.text };
      if (titleEnd(part.text, 0) !== part.text.length) continue;
      const value = asCompany(part.text, recipient);
      // One word alone ("Onsite", "Decision") is a company only if the email names it again.
      if (value && departmentElsewhere(parts, value)) continue;
      if (value && (value.includes(" ") || namedElsewhere(parts, value))) {
        return fullerName(parts, value) ?? { value, from: part.text };
      }
    }
  }
  // "My client has come back to me": an agency writes, and its own name signs the email.
  if (/\b(?:my|our|the) client\b/i.test(text.slice(parts.bodyStart, parts.bodyEnd))) return undefined;
  const signed = fromSignature(parts.signature, recipient);
  if (signed) return signed;
  const sender = parts.fromName;
  if (sender && DEPARTMENT_TAIL.test(sender.text)) {
    const value = asCompany(sender.text, recipient);
    if (value) return { value, from: sender.text };
  }
  return undefined;
}
