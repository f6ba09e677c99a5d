import { EMAIL_FIELDS, type EmailSuggestion } from "../coach/email-fields.js";
import { describeRejectionField, summaryTable } from "./entry-summary.js";
import { REJECTION_LABELS } from "./labels.js";
import { safeLine } from "./safe-text.js";
import { theme } from "./theme.js";

/**
 * What an email gave, each guess with the words it came from, and what it did
 * not say. `asking`: the questions follow, starting from these answers.
 */
export function renderEmailFindings(
  suggestion: EmailSuggestion,
  options: { asking: boolean; given?: readonly string[] },
): string {
  const { fields } = suggestion;
  const found = EMAIL_FIELDS.filter(
    (key) => fields[key] !== undefined && !(key === "reasons" && fields.reasons?.length === 0),
  );
  if (found.length === 0) {
    return options.asking
      ? "\nNothing in it was clear enough to fill in; the questions follow as usual.\n"
      : "Nothing in the email was clear enough to fill in.";
  }
  const rows = found.map((key): [string, string] => {
    const remark = emailRemark(suggestion, key, fields);
    return [REJECTION_LABELS[key], `${describeRejectionField(key, fields)}${remark ? `  ${theme.muted(remark)}` : ""}`];
  });
  // What the flags gave was not looked for.
  const missing = EMAIL_FIELDS.filter((key) => !found.includes(key) && !options.given?.includes(key)).map((key) =>
    REJECTION_LABELS[key].toLowerCase(),
  );
  const lines = [`${options.asking ? "\n" : ""}From their email:\n${summaryTable(rows)}`];
  if (missing.length > 0) lines.push(theme.muted(`It did not say: ${missing.join(", ")}.`));
  if (options.asking) lines.push(theme.muted("Each question below starts with what it said; Enter keeps it.\n"));
  return lines.join("\n");
}

/**
 * "from their email: 'speaking with our team'" after a guessed value that is
 * still the email's, so a summary shows it as a guess and why.
 */
export function emailRemark(
  suggestion: EmailSuggestion | undefined,
  key: string,
  values: Record<string, unknown>,
): string | undefined {
  if (!suggestion) return undefined;
  const quote = (words: string) => `'${safeLine(words.length > 60 ? `${words.slice(0, 57)}...` : words)}'`;
  if (key === "stage" || key === "ended") {
    const from = suggestion.from[key];
    return from && values[key] === suggestion.fields[key] ? `from their email: ${quote(from)}` : undefined;
  }
  if (key === "reasons") {
    const chosen = (values.reasons as string[] | undefined) ?? [];
    const kept = (suggestion.from.reasons ?? []).filter((found) => chosen.includes(found.value));
    return kept.length > 0 ? `from their email: ${kept.map((found) => quote(found.from)).join(", ")}` : undefined;
  }
  return undefined;
}
