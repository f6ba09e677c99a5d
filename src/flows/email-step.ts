import type { EmailSuggestion } from "../coach/email-fields.js";
import { renderEmailFindings } from "../ui/email-view.js";
import { isEditorFailure, type Prompts } from "./prompts.js";

/** What the log flow needs to read an email. */
export interface EmailStep {
  /** The email given with --email; without it, the flow offers to paste one. */
  text?: string;
  /** `--email -` at a terminal: ask for the paste straight away. */
  paste?: boolean;
  /** Reads an email into suggested answers, fitted to what the flags gave. */
  read(text: string): EmailSuggestion;
  /** --keep-email: keep it without asking. */
  keep?: boolean;
  /** The fields the flags gave, which the email is not asked about. */
  given?: readonly string[];
}

/** The email read, what it suggested, and whether the person wants it kept. */
export interface EmailOutcome {
  text?: string;
  suggestion?: EmailSuggestion;
  keep?: boolean;
}

/**
 * Offers to read their email (unless --email gave it), says what it found and
 * where, and asks whether to keep a copy. Its findings become the questions'
 * defaults; nothing is taken as answered.
 */
export async function askForEmail(
  prompts: Prompts,
  step: EmailStep,
  show: (text: string) => void,
): Promise<EmailOutcome> {
  let text = step.text;
  if (text === undefined && step.paste) {
    text = await prompts.paste({ message: "Paste their email." });
  } else if (text === undefined) {
    const how = await prompts.select({
      message: "Do you have their email? Pasting it fills in most of the answers for you.",
      choices: [
        { value: "paste", name: "Yes, I'll paste it here" },
        { value: "editor", name: "Yes, I'll paste it into my editor" },
        { value: "none", name: "No, just ask me the questions" },
      ],
      default: "paste",
    });
    if (how === "none") return {};
    text =
      how === "editor" ? await pasteInEditor(prompts, show) : await prompts.paste({ message: "Paste their email." });
  }
  if (!text.trim()) return {};
  const suggestion = step.read(text);
  show(renderEmailFindings(suggestion, { asking: true, given: step.given }));
  // A list, not a y/n question: a stray line of a paste that ended early cannot say yes by starting with "y".
  const keep =
    step.keep ??
    (await prompts.select<boolean>({
      message: "Keep a copy of the email in your journal? It may hold other people's names and addresses.",
      choices: [
        { value: false, name: "No, just use what it says" },
        { value: true, name: "Yes, keep it with the entry" },
      ],
      default: false,
    }));
  return { text, suggestion, keep };
}

async function pasteInEditor(prompts: Prompts, show: (text: string) => void): Promise<string> {
  try {
    return await prompts.editor({
      message: "Paste their email into the editor, then save and close it.",
      postfix: ".txt",
      waitForUserInput: false,
    });
  } catch (error) {
    if (!isEditorFailure(error)) throw error;
    show("Could not open your editor; paste it here instead.");
    return prompts.paste({ message: "Paste their email." });
  }
}
