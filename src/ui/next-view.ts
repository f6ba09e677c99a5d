import type { OpenAction } from "../coach/actions.js";
import { entryLabel } from "./entry-label.js";
import { formatDay } from "./labels.js";
import { safeLine } from "./safe-text.js";
import { symbols } from "./symbols.js";
import { theme } from "./theme.js";

/** The open next steps, two lines each: number, text and when (lined up); then where it came from and its id. */
export function renderNextSteps(items: OpenAction[]): string {
  const numberWidth = String(items.length).length;
  const textWidth = Math.min(Math.max(...items.map((item) => safeLine(item.action.text).length)), 48);
  return items
    .map((item) => {
      const number = theme.heading(`${String(item.n).padStart(numberWidth)}.`);
      const when = dueText(item);
      const text = safeLine(item.action.text);
      const first = when ? `${number} ${text.padEnd(textWidth)}  ${when}` : `${number} ${text}`;
      const origin = `${entryLabel(item.entry)} ${symbols().separator} ${item.action.id}`;
      return `${first}\n${" ".repeat(numberWidth + 2)}${theme.muted(origin)}`;
    })
    .join("\n");
}

function dueText(item: OpenAction): string {
  const { daysLeft, action } = item;
  if (daysLeft === undefined || action.due === undefined) return "";
  const date = formatDay(action.due);
  if (daysLeft < 0) {
    return theme.warn(`was due ${date}`);
  }
  if (daysLeft === 0) return theme.accent("due today");
  if (daysLeft === 1) return theme.accent(`due tomorrow (${date})`);
  return theme.muted(`due in ${daysLeft} days (${date})`);
}
