import type { EmailParts } from "./email-parts.js";
import { NOT_NAMES, ROLE_WORDS } from "./email-names.js";
import { REFERENCE, subjectParts, titleEnd, words, type Named } from "./email-titles.js";

// The role, read from "the X role", "the role of X", "your application for X"
// in the message, then from the subject line, where a title must hold a word
// that job titles are built around ("Analyst", "Head", "Programme").

const ROLE_NOUN =
  /^\s+(?:position|role|job|vacancy|opening|post|opportunity|posting|placement|scheme|programme|program|search|spot|seat)\b/;
const NAMED_SCHEMES =
  /\b(?:Programme|Program|Internship|Apprenticeship|Scheme|Training Contract|Pupillage)(?:\s+\d{4})?$/;

/**
 * "Lecturer in Medieval History", "Engineer in Test": titles that name a field
 * after "in". Only these words take one, since "Nurse in Leeds" names a place.
 */
const FIELD_TITLES =
  /(?:^|\s)(?:Lecturer|Professor|Fellow|Teacher|Tutor|Researcher|Reader|Instructor|Scientist|Engineer|Research Assistant|Research Associate)$/u;
function withField(text: string, start: number, end: number): number {
  const field = /^\s+in\s+(?=\p{Lu})/u.exec(text.slice(end, end + 8));
  if (!field || !FIELD_TITLES.test(text.slice(start, end))) return end;
  const fieldEnd = titleEnd(text, end + field[0].length, { connectors: true });
  return fieldEnd > end + field[0].length ? fieldEnd : end;
}

/** A role as written, or undefined when the words do not make one. */
function asRole(raw: string, recipient: Set<string>, needsTitleWord: boolean): string | undefined {
  const role = raw.replace(REFERENCE, "").trim();
  const parts = words(role);
  if (parts.length === 0 || role.length > 80 || NOT_NAMES.has(parts[0]!)) return undefined;
  if (parts.some((part) => recipient.has(part))) return undefined;
  if (needsTitleWord && !parts.some((part) => ROLE_WORDS.has(part))) return undefined;
  return role;
}

function roleInText(text: string, start: number, end: number, recipient: Set<string>): Named | undefined {
  const slice = text.slice(start, end);
  // "the Platform Engineer role", "our Care Assistant vacancy", "the Finance Graduate Programme 2027"
  for (const match of slice.matchAll(/\b(?:the|our|this|your)\s+(?=\S)/giu)) {
    const roleStart = match.index + match[0].length;
    const roleEnd = withField(slice, roleStart, titleEnd(slice, roleStart, { comma: true }));
    const title = slice.slice(roleStart, roleEnd);
    const after = slice.slice(roleEnd, roleEnd + 12);
    const noun = ROLE_NOUN.exec(after);
    if (!noun && !NAMED_SCHEMES.test(title)) continue;
    const value = asRole(title, recipient, false);
    if (value) return { value, from: slice.slice(match.index, roleEnd + (noun?.[0].length ?? 0)) };
  }
  // "the role of Operations Coordinator", "your application for Research Associate II"
  const leads = [
    { pattern: /\b(?:position|role|post|job|vacancy) of\s+(?=\S)/giu, needsTitleWord: false },
    // "The position you applied for, Solutions Architect (R-1023), has closed": the title may follow a comma.
    { pattern: /\b(?:application|applying|applied)\s+(?:for|to),?\s+(?=\S)/giu, needsTitleWord: true },
    { pattern: /\b(?:work|join us|start)\s+as\s+an?\s+(?=\S)/giu, needsTitleWord: true },
    { pattern: /\b(?:applying|applied|apply) to be\s+an?\s+(?=\S)/giu, needsTitleWord: true },
    { pattern: /\b(?:appointment|employment|start(?:ing)?)\s+as\s+(?:an?\s+)?(?=\S)/giu, needsTitleWord: true },
  ];
  for (const { pattern, needsTitleWord } of leads) {
    for (const match of slice.matchAll(pattern)) {
      const roleStart = match.index + match[0].length;
      let roleEnd = withField(slice, roleStart, titleEnd(slice, roleStart, { connectors: true }));
      // "for Category Buyer - Chilled at Gatherwell": a dash inside a posting's title, which the employer closes.
      const dash = /^\s+[-–]\s+(?=\p{Lu})/u.exec(slice.slice(roleEnd, roleEnd + 5));
      if (dash) {
        const dashEnd = titleEnd(slice, roleEnd + dash[0].length);
        if (/^\s+at\s+\p{Lu}/u.test(slice.slice(dashEnd))) roleEnd = dashEnd;
      }
      const title = slice.slice(roleStart, roleEnd);
      // "for Night Shift Picker (Req 5520)", "for Dock Hand at Halyard": a reference or the employer after
      // the words marks a posting's title, whatever trade its words come from.
      const posting =
        /\bfor\s+$/.test(match[0]) && (REFERENCE.test(title) || /^\s+at\s+\p{Lu}/u.test(slice.slice(roleEnd)));
      const value = asRole(title, recipient, needsTitleWord && !posting);
      if (value) return { value, from: slice.slice(match.index, roleEnd) };
    }
  }
  return undefined;
}

/** "Post: Executive Officer - Grants Casework": a form's labelled line, as public-sector portals send. */
function labelledRole(text: string, start: number, end: number, recipient: Set<string>): Named | undefined {
  const line = /^(?:Post|Role|Position|Job title|Vacancy title)\s*:\s*(\S[^\n]*)$/imu.exec(text.slice(start, end));
  const value = line && asRole(line[1]!.trim(), recipient, false);
  return value ? { value, from: line[0] } : undefined;
}

export function readRole(parts: EmailParts): Named | undefined {
  const { text, subject, recipient } = parts;
  const inBody =
    roleInText(text, parts.bodyStart, parts.bodyEnd, recipient) ??
    labelledRole(text, parts.bodyStart, parts.bodyEnd, recipient);
  if (inBody || !subject) return inBody;
  const inSubject = roleInText(text, subject.start, subject.start + subject.text.length, recipient);
  if (inSubject) return inSubject;
  // A subject part that opens with a title: "Frontend Developer take-home", "Head of Marketing".
  for (const part of subjectParts(subject)) {
    const end = withField(part.text, 0, titleEnd(part.text, 0, { comma: true }));
    const rest = part.text.slice(end);
    if (end === 0 || (rest && !/^\s+(?:at\s|\p{Ll})/u.test(rest))) continue;
    const value = asRole(part.text.slice(0, end), recipient, !/^\s+at\s+\p{Lu}/u.test(rest));
    if (value) return { value, from: part.text };
  }
  return undefined;
}
