import type { Template, TemplateKind } from "../content/schema.js";
import { TEMPLATE_KINDS } from "../content/vocabulary.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { editOrType, type Prompts } from "./prompts.js";
import { symbols } from "../ui/symbols.js";

export interface DraftChoices {
  kind?: TemplateKind;
  contact?: string;
  sender?: string;
  update?: string;
  /** The person typed their name and agreed to keep it as the `name` setting. */
  rememberSender?: boolean;
}

/**
 * Asks only for what the flags, the entry and the settings left open: which
 * draft, who it goes to, whose name signs it, and (for the check-in) the news.
 * Empty answers stay empty: the draft then uses a neutral greeting or sign-off.
 */
export async function draftFlow(
  prompts: Prompts,
  templates: Record<TemplateKind, Template>,
  known: DraftChoices,
): Promise<Required<Pick<DraftChoices, "kind">> & DraftChoices> {
  const kind =
    known.kind ??
    (await prompts.select<TemplateKind>({
      message: "Which draft would you like?",
      choices: TEMPLATE_KINDS.map((id) => ({ value: id, name: templates[id].title, description: templates[id].when })),
      default: "request",
    }));
  const contact =
    known.contact ??
    ((
      await prompts.input({ message: `Who is it to? ${theme.muted("(first name; Enter for a plain 'Hello')")}` })
    ).trim() ||
      undefined);
  let rememberSender = false;
  let sender = known.sender;
  if (sender === undefined) {
    sender =
      (
        await prompts.input({ message: `Your name for the sign-off ${theme.muted("(Enter to leave it off)")}` })
      ).trim() || undefined;
    // Asked only when no name is known, so a typed one is offered for keeping once, not every time.
    if (sender) {
      rememberSender = await prompts.confirm({
        message: `Save '${safeLine(sender)}' as your sign-off name for next time?`,
        default: true,
      });
    }
  }
  const update =
    known.update ??
    (kind === "checkin"
      ? (
          await prompts.input({
            message: `What have you done since? ${theme.muted("(a course, a project, a new responsibility; Enter to fill it in later)")}`,
          })
        ).trim() || undefined
      : undefined);
  return { kind, contact, sender, update, ...(rememberSender ? { rememberSender } : {}) };
}

/** The feedback that came back, written in $EDITOR. */
export async function receivedFlow(prompts: Prompts, company: string, say: (text: string) => void): Promise<string> {
  const text = await editOrType(prompts, say, {
    editorMessage: `What did ${company} tell you? Opening your editor${symbols().ellipsis} save and close it when you are done.`,
    input: { message: `What did ${company} tell you?` },
  });
  return text.trim();
}
