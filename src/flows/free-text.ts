import { theme } from "../ui/theme.js";
import { symbols } from "../ui/symbols.js";
import { storedDefault } from "./ask.js";
import { editOrType, type Prompts } from "./prompts.js";

/** Typed alone as an answer, opens $EDITOR for a longer one. */
export const EDITOR_KEY = "e";

const isEditorKey = (answer: string): boolean => answer.trim().toLowerCase() === EDITOR_KEY;

export const skippedWhenEmpty = (value: string, { isFinal }: { isFinal: boolean }): string =>
  isFinal && !value.trim() ? theme.muted("skipped") : value;

const EDITOR_FAILED = "Your editor did not open; type the answer here, or press Enter to skip";

export type TextAsker = ReturnType<typeof textAsker>;

/**
 * Free text that may be skipped; the editor key opens $EDITOR instead. Asked
 * again from the summary, the earlier answer is the default: Enter keeps it,
 * "-" removes it.
 */
export function textAsker(prompts: Prompts, say: (text: string) => void) {
  return async (message: string, hint?: string, current?: string): Promise<string> => {
    const kept = current ? storedDefault(current) : undefined;
    const hints = [hint, kept && "Enter keeps your answer, - removes it"].filter(Boolean);
    const question = hints.length ? `${message}\n  ${theme.muted(hints.join("\n  "))}\n ` : message;
    const answer = await prompts.input({
      message: question,
      default: kept?.default,
      // Whether the answer ends up in the editor is not known yet: the line only says it was asked for.
      transformer: (value, state) =>
        state.isFinal && isEditorKey(value) ? theme.muted("editor") : skippedWhenEmpty(value, state),
    });
    if (kept && answer === kept.default) return kept.answered(answer).trim();
    if (kept && answer.trim() === "-") return "";
    if (!isEditorKey(answer)) return answer.trim();
    const written = await editOrType(prompts, say, {
      editorMessage: theme.muted(`Opening your editor${symbols().ellipsis} save and close it when you are done.`),
      // Asked again as it was, hint included; the editor key cannot work now, so it is not taken as the answer.
      input: {
        message: question,
        transformer: skippedWhenEmpty,
        validate: (value) => !isEditorKey(value) || EDITOR_FAILED,
      },
    });
    return written.trim();
  };
}
