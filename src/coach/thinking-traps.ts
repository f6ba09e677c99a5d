// TEMPORARY stub until the helper's branch merges.
import type { Trap } from "../content/schema.js";
import { findCues } from "./cues.js";
export interface TrapSuggestion {
  id: string;
  label: string;
  cues: string[];
}
export function suggestTraps(thought: string, traps: readonly Trap[]): TrapSuggestion[] {
  return traps
    .map((trap) => ({
      id: trap.id,
      label: trap.name,
      cues: [...new Set(findCues(thought, trap.cues, { skipNegated: true, skipQuoted: true }).map((m) => m.words))],
    }))
    .filter((s) => s.cues.length > 0);
}
