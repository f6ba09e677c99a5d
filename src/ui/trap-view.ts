import type { Strategy, Trap } from "../content/schema.js";
import type { TrapSuggestion } from "../coach/thinking-traps.js";
import { wrap } from "./output.js";
import { safeLine, safeText } from "./safe-text.js";
import { theme } from "./theme.js";

/** "'never', 'always'": the words of the thought that suggest a trap. */
export const cueWords = (cues: readonly string[]): string => cues.map((cue) => `'${safeLine(cue)}'`).join(", ");

/**
 * The likely traps of a thought, each with the words that suggest it, the
 * question that answers it and a strategy that helps; or a kind word when none
 * stands out.
 */
export function renderTrapSuggestions(
  thought: string,
  suggestions: readonly TrapSuggestion[],
  traps: readonly Trap[],
  strategies: readonly Strategy[],
): string {
  const lines = [wrap(theme.muted(`"${safeText(thought)}"`)), ""];
  if (suggestions.length === 0) {
    lines.push(
      wrap("No thinking trap stands out in those words. A plain feeling or a fact is worth hearing as it is."),
      "",
      theme.muted(
        wrap("If it keeps coming back, 'rejection-coach reflect' walks through it and a kinder version of it."),
      ),
    );
    return lines.join("\n");
  }
  lines.push(
    suggestions.length === 1 ? "It may hold this thinking trap:" : "It may hold these thinking traps, likeliest first:",
    "",
  );
  for (const suggestion of suggestions) {
    const trap = traps.find((candidate) => candidate.id === suggestion.id);
    lines.push(
      `  ${theme.title(safeLine(suggestion.label))} ${theme.muted(`(${suggestion.id}), from ${cueWords(suggestion.cues)}`)}`,
    );
    if (!trap) continue;
    lines.push(
      wrap(safeText(trap.description), 4),
      wrap(`${theme.heading("Ask yourself:")} ${safeText(trap.question)}`, 4),
    );
    const strategy = trap.strategy && strategies.find((candidate) => candidate.id === trap.strategy);
    if (strategy) {
      lines.push(
        wrap(
          `${theme.heading("What may help:")} ${safeLine(strategy.title)} ${theme.muted(`(rejection-coach tips ${strategy.id})`)}`,
          4,
        ),
      );
    }
    lines.push("");
  }
  lines.push(theme.muted(wrap("This is a suggestion from the words alone; you know the thought best.")));
  return lines.join("\n");
}
