import type { Choice } from "../coach/choose.js";
import type { Insight } from "../coach/insights.js";
import type { Pattern } from "../coach/signals.js";
import type { Content } from "../content/schema.js";
import type { Signal } from "../content/vocabulary.js";
import type { Ending, Reason, Stage, WinKind } from "../journal/vocabulary.js";
import { wrap } from "./output.js";
import { describeInsight, pickInsights } from "./insight-view.js";
import { renderCard } from "./strategy-view.js";
import { theme } from "./theme.js";

const STAGE_WORDS: Record<Stage, string> = {
  applied: "a no before any conversation",
  screening: "the screening stage",
  interview: "the interview stage",
  assessment: "the assessment stage",
  final: "the final round",
  offer: "the offer stage",
};

const ENDING_WORDS: Record<Ending, string> = {
  rejected: "a clear no",
  ghosted: "being left without an answer",
  "role-closed": "a role that closed",
};

const REASON_WORDS: Record<Reason, string> = {
  skills: "a skills gap",
  interview: "how the interview went",
  culture: "a question of fit",
  competition: "a closer-matched candidate",
  salary: "salary or terms",
  internal: "an internal hire",
  cancelled: "a cancelled role",
  unknown: "not knowing why",
};

const SIGNAL_WORDS: Record<Signal, string> = {
  "first-rejection": "a first rejection",
  "low-mood-streak": "several low days in a row",
  "recurring-stage": "a stage that keeps coming up",
  "recurring-reason": "a reason that keeps coming up",
  "recurring-trap": "a thinking habit that keeps coming up",
  "feedback-theme": "a theme in your feedback",
  "long-search": "a long search",
  progress: "getting further than before",
};

/**
 * The chooser's tags ("emotion:sad", "ending:ghosted") in plain words for a
 * card, most telling first and at most three: "For a hard day · feeling sad and numb".
 */
export function describeBecause(because: readonly string[]): string | undefined {
  const values = (kind: string) =>
    because.filter((tag) => tag.startsWith(`${kind}:`)).map((tag) => tag.slice(kind.length + 1));
  const groups = [
    ...(because.includes("low-mood-first") ? ["a hard day"] : []),
    ...values("signal").map((signal) => SIGNAL_WORDS[signal as Signal] ?? signal),
    ...values("ending").map((ending) => ENDING_WORDS[ending as Ending] ?? ending),
    ...values("stage").map((stage) => STAGE_WORDS[stage as Stage] ?? stage),
    ...(values("reason").length
      ? [and(values("reason").map((reason) => REASON_WORDS[reason as Reason] ?? reason))]
      : []),
    ...(values("emotion").length ? [`feeling ${and(values("emotion"))}`] : []),
  ];
  return groups.length ? `For ${groups.slice(0, 3).join(" · ")}` : undefined;
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
 * insights (the wellbeing note first), in the same words `stats` uses.
 */
export function renderJournalNotes(
  patterns: readonly Pattern[],
  insights: readonly Insight[],
  content: Content,
): string {
  const lines = patterns.some((pattern) => pattern.signal === "first-rejection")
    ? ["This is the first one in your journal. Writing it down is a good way to start."]
    : pickInsights(insights, 2).map((insight) => describeInsight(insight, content));
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
