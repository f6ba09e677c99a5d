import type { Choice } from "../coach/choose.js";
import type { Insight } from "../coach/insights.js";
import type { Pattern } from "../coach/signals.js";
import type { Content } from "../content/schema.js";
import type { Signal } from "../content/vocabulary.js";
import type { Ending, Reason, Stage, WinKind } from "../journal/vocabulary.js";
import { ENDING_PHRASES, REASON_PHRASES, SIGNAL_PHRASES, STAGE_POINTS } from "./labels.js";
import { wrap } from "./output.js";
import { describeInsight, pickInsights } from "./insight-view.js";
import { renderCard } from "./strategy-view.js";
import { theme } from "./theme.js";
import { symbols } from "./symbols.js";

/**
 * The chooser's tags ("emotion:sad", "ending:ghosted") in plain words for a
 * card, most telling first and at most three: "For a hard day · feeling sad and numb".
 */
function describeBecause(because: readonly string[]): string | undefined {
  const values = (kind: string) =>
    because.filter((tag) => tag.startsWith(`${kind}:`)).map((tag) => tag.slice(kind.length + 1));
  const groups = [
    ...(because.includes("low-mood-first") ? ["a hard day"] : []),
    ...values("signal").map((signal) => SIGNAL_PHRASES[signal as Signal] ?? signal),
    ...values("ending").map((ending) => ENDING_PHRASES[ending as Ending] ?? ending),
    ...values("stage").map((stage) => (STAGE_POINTS[stage as Stage] ? `the ${STAGE_POINTS[stage as Stage]}` : stage)),
    ...(values("reason").length
      ? [and(values("reason").map((reason) => REASON_PHRASES[reason as Reason] ?? reason))]
      : []),
    ...(values("emotion").length ? [`feeling ${and(values("emotion"))}`] : []),
  ];
  return groups.length ? `For ${groups.slice(0, 3).join(` ${symbols().separator} `)}` : undefined;
}

/** "a", "a and b", "a, b and c" */
function and(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The strategies picked after a log, as short cards. */
export function renderChoices(choices: readonly Choice[]): string {
  const cards = choices.map((choice) => renderCard(choice.strategy, describeBecause(choice.because)));
  return [theme.heading("Some things that may help now"), "", cards.join("\n\n")].join("\n");
}

/**
 * What the journal shows after a log: a first-time welcome, else up to two
 * insights (the wellbeing note first), in the same words `stats` uses. On a
 * low-mood day only the wellbeing note: patterns can wait for stats or reflect.
 */
export function renderJournalNotes(
  patterns: readonly Pattern[],
  insights: readonly Insight[],
  content: Content,
  options: { lowMood?: boolean } = {},
): string {
  const shown = options.lowMood ? insights.filter((insight) => insight.group === "wellbeing") : insights;
  const lines = patterns.some((pattern) => pattern.signal === "first-rejection")
    ? ["This is the first one in your journal. Writing it down is a good way to start."]
    : pickInsights(shown, 2).map((insight) => describeInsight(insight, content));
  return lines.map((line) => theme.accent(wrap(line))).join("\n");
}

const CELEBRATIONS: Record<WinKind, string> = {
  interview: "An interview secured. Someone read what you sent and wants to hear more.",
  feedback: "Good feedback, written down. It will be here to reread on a harder day.",
  application: "An application sent. Each one is a small act of showing up.",
  skill: "A skill learned. It stays with you, whatever the next email says.",
  other: "A win, written down. The small ones count too.",
};

/** A short, calm line for a win, and how many there are now. */
export function celebrate(kind: WinKind, winsSoFar: number): string {
  const count = winsSoFar === 1 ? "Your first win in the journal." : `That makes ${winsSoFar} wins in your journal.`;
  return [theme.good(CELEBRATIONS[kind]), theme.muted(count)].join("\n");
}
