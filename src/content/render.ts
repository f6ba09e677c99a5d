import type { Template } from "./schema.js";

export interface TemplateValues {
  company: string;
  role: string;
  /** The person at the company; without it the greeting becomes a neutral one. */
  contact?: string;
  /** The person's own name; without it the sign-off line is left out. */
  sender?: string;
  /** Replaces the first [bracketed part] the person is meant to fill in (the check-in's news). */
  update?: string;
}

export interface Draft {
  subject: string;
  body: string;
  /** [bracketed parts] still in the body, for the person to fill in before sending. */
  toFill: string[];
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
const GREETING_TO_CONTACT = /\b(Hi|Hello|Hey|Dear)\s+\{\{\s*contact\s*\}\}/g;
const SENDER_LINE = /^[ \t]*\{\{\s*sender\s*\}\}[ \t]*\n?/gm;
const TO_FILL = /\[[^\]\n]+\]/g;

/**
 * Fills a template's {{company}}, {{role}}, {{contact}} and {{sender}}. Nothing
 * of the form {{...}} is ever left: a missing contact turns "Hi {{contact}}"
 * into "Hello" (and any other {{contact}} into "the hiring team"); a missing
 * sender drops the line that holds only the name, so the email ends on its
 * sign-off word for the mail program's own signature.
 */
export function renderTemplate(template: Pick<Template, "subject" | "body">, values: TemplateValues): Draft {
  const fill = (text: string): string => {
    let result = text;
    if (!values.contact) result = result.replace(GREETING_TO_CONTACT, "Hello");
    if (!values.sender) result = result.replace(SENDER_LINE, "");
    return result.replace(PLACEHOLDER, (_, name: string) => valueOf(name, values));
  };
  let body = fill(template.body).trimEnd();
  const update = values.update?.trim().replace(/[.\s]+$/, "");
  if (update) body = body.replace(/\[[^\]\n]+\]/, update);
  return { subject: fill(template.subject).trim(), body: `${body}\n`, toFill: body.match(TO_FILL) ?? [] };
}

function valueOf(name: string, values: TemplateValues): string {
  switch (name) {
    case "company":
      return values.company;
    case "role":
      return values.role;
    case "contact":
      return values.contact || "the hiring team";
    case "sender":
      return values.sender ?? "";
    default:
      // The content schema allows only the names above; keep anything else visible, not blank.
      return name;
  }
}

/** A draft as one piece of text: a Subject line, a blank line, the body. */
export const draftText = (draft: Draft): string => `Subject: ${draft.subject}\n\n${draft.body}`;
