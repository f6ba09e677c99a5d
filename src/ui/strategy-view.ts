import type { Fits, Strategy } from "../content/schema.js";
import type { Phase } from "../content/vocabulary.js";
import { ENDING_PHRASES, REASON_PHRASES, SIGNAL_PHRASES, STAGE_POINTS } from "./labels.js";
import { wrap } from "./output.js";
import { safeText } from "./safe-text.js";
import { theme } from "./theme.js";
import { symbols } from "./symbols.js";

const PHASE_HEADINGS: Record<Phase, string> = {
  feel: "Feel: the first hours and days",
  learn: "Learn: understand what happened",
  reframe: "Reframe: how you look at it",
  act: "Act: the next moves",
};

/** Every strategy, grouped by phase in the order a person goes through them. */
export function renderStrategyList(strategies: Strategy[]): string {
  const blocks: string[] = [];
  for (const phase of Object.keys(PHASE_HEADINGS) as Phase[]) {
    const inPhase = strategies.filter((strategy) => strategy.phase === phase).map(safeStrategy);
    if (inPhase.length === 0) continue;
    blocks.push(theme.phase[phase](theme.heading(PHASE_HEADINGS[phase])));
    for (const strategy of inPhase) {
      blocks.push(`  ${theme.title(strategy.title)} ${theme.muted(`(${strategy.id})`)}\n${wrap(strategy.summary, 4)}`);
    }
    blocks.push("");
  }
  blocks.push(theme.muted("Read one in full with: rejection-coach tips ID"));
  return blocks.join("\n");
}

/** One strategy in full: summary, why, what to try, when it is offered. */
export function renderStrategy(raw: Strategy): string {
  const strategy = safeStrategy(raw);
  return [
    theme.title(strategy.title),
    theme.muted(`${strategy.phase} ${symbols().separator} ${strategy.id}`),
    "",
    wrap(strategy.summary),
    "",
    theme.heading("Why it helps"),
    wrap(strategy.why, 2),
    "",
    theme.heading("Try today"),
    ...strategy.try.map((step) => bullet(step)),
    ...(describeFits(strategy.fits) ? ["", theme.muted(wrap(`Offered ${describeFits(strategy.fits)}.`))] : []),
  ].join("\n");
}

/** A short card for after logging: title, one line of why, the first thing to try. */
export function renderCard(raw: Strategy, reason?: string): string {
  const strategy = safeStrategy(raw);
  const firstSentence = strategy.why.match(/^.*?[.!?](\s|$)/)?.[0]?.trim() ?? strategy.why;
  return [
    // Wrapped between words, later lines under the title rather than the edge.
    `${theme.phase[strategy.phase](symbols().edge)} ${wrap(`${theme.title(strategy.title)} ${theme.muted(`(${strategy.id})`)}`, 2).trimStart()}`,
    ...(reason ? [theme.muted(wrap(reason, 2))] : []),
    wrap(firstSentence, 2),
    wrap(`${theme.accent("Try:")} ${strategy.try[0]}`, 2),
  ].join("\n");
}

function describeFits(fits: Fits): string {
  const parts: string[] = [];
  if (fits.stages) {
    const names = fits.stages.map((stage) => STAGE_POINTS[stage].replace(/ stage$/, ""));
    parts.push(`at the ${orList(names)} ${names.length === 1 ? "stage" : "stages"}`);
  }
  if (fits.endings) parts.push(`after ${orList(fits.endings.map((ending) => ENDING_PHRASES[ending]))}`);
  if (fits.mood) parts.push(`at a mood of ${fits.mood.min} to ${fits.mood.max}`);
  if (fits.reasons) parts.push(`for reasons such as ${orList(fits.reasons.map((reason) => REASON_PHRASES[reason]))}`);
  if (fits.emotions) parts.push(`when feeling ${orList(fits.emotions)}`);
  if (fits.signals)
    parts.push(`when the journal shows ${orList(fits.signals.map((signal) => SIGNAL_PHRASES[signal]))}`);
  return parts.join("; ");
}

/** "a, b or c" */
const orList = (items: readonly string[]): string =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;

/** A person's own content folder is text like any other: neutralise control sequences in it. */
function safeStrategy(strategy: Strategy): Strategy {
  return {
    ...strategy,
    title: safeText(strategy.title),
    summary: safeText(strategy.summary),
    why: safeText(strategy.why),
    try: strategy.try.map(safeText),
  };
}

/** "  • text" with wrapped lines hanging under the text, not the bullet. */
export function bullet(text: string, indent = 2): string {
  const body = wrap(text, indent + 2);
  return " ".repeat(indent) + symbols().bullet + body.slice(indent + 1);
}
