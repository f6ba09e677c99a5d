import type { NewAction, ReflectAnswers } from "../coach/reflection.js";
import { shown } from "../ui/entry-summary.js";
import { formatDay } from "../ui/labels.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { askDueDay } from "./ask.js";
import type { Prompts } from "./prompts.js";
import type { ReviewPart } from "./review-parts.js";

/** Next steps, one at a time, each with an optional due date in plain words. */
export async function askActions(prompts: Prompts, now: Date): Promise<NewAction[]> {
  const actions: NewAction[] = [];
  for (;;) {
    const text = (
      await prompts.input({
        message: actions.length === 0 ? "A next step (Enter to finish)" : "Another (Enter to finish)",
        transformer: (value, { isFinal }) =>
          isFinal && !value.trim() ? theme.muted(actions.length === 0 ? "none for now" : "that's all") : value,
      })
    ).trim();
    if (!text) return actions;
    const due = await askDueDay(prompts, now);
    actions.push(due ? { text, due } : { text });
  }
}

/** The next steps in the summary; asked again, each can be kept or dropped, and more added. */
export function actionsPart(prompts: Prompts, answers: ReflectAnswers, now: Date): ReviewPart {
  const described = (action: NewAction) =>
    `${safeLine(action.text)}${action.due ? ` (by ${formatDay(action.due, now)})` : ""}`;
  return {
    key: "actions",
    label: "Next steps",
    rows: () => [["Next steps", answers.actions.length ? answers.actions.map(described).join("; ") : shown(undefined)]],
    change: async () => {
      if (answers.actions.length > 0) {
        const kept = await prompts.checkbox<number>({
          message: "Which of these steps do you want to keep? Untick one with space to drop it.",
          choices: answers.actions.map((action, index) => ({ value: index, name: described(action), checked: true })),
          pageSize: Math.min(answers.actions.length, 10),
        });
        answers.actions = answers.actions.filter((_, index) => kept.includes(index));
      }
      answers.actions.push(...(await askActions(prompts, now)));
    },
  };
}
