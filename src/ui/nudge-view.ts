import stringWidth from "fast-string-width";
import type { Nudge, NudgeEntry } from "../coach/nudge.js";
import { safeLine } from "./safe-text.js";
import { truncate } from "./table.js";

/** The nudge is one line, and a short one, even on a wide terminal. */
export const NUDGE_MAX_COLUMNS = 100;
/** A long company name is cut: the line is a pointer, not a listing. */
const NAME_COLUMNS = 24;
/** More reflections than this are counted, not named. */
const NAMED_AT_MOST = 2;

interface Wording {
  /** With company names. */
  named: boolean;
  /** The commands that pick each thing up: each in full, or the second after the first's name. */
  commands: "full" | "joined" | "none";
  /** With an entry's id in that command, when exactly one rejection is meant. */
  ids: boolean;
}

/**
 * The nudge in words: what is waiting, and where to pick it up, in one line of at
 * most `columns` (and NUDGE_MAX_COLUMNS) columns. "When you are ready", and
 * "due" rather than late or overdue: it is an offer, not a reproach. The fullest
 * wording that fits is used: the ids go first, then the names, then the commands.
 */
export function nudgeLine(nudge: Nudge, columns = NUDGE_MAX_COLUMNS): string {
  const width = Math.min(columns, NUDGE_MAX_COLUMNS);
  const wordings: Wording[] = [
    { named: true, commands: "full", ids: true },
    // Without an id, `reflect` takes the newest rejection not reflected on: the one named first.
    { named: true, commands: "full", ids: false },
    { named: true, commands: "joined", ids: false },
    { named: false, commands: "joined", ids: false },
    { named: false, commands: "none", ids: false },
  ];
  const lines = wordings.map((wording) => worded(nudge, wording));
  return lines.find((line) => stringWidth(line) <= width) ?? truncate(lines.at(-1)!, width);
}

function worded(nudge: Nudge, { named, commands, ids }: Wording): string {
  const items: string[] = [];
  const { checkIn, reflections, stepsDue } = nudge;
  if (checkIn) items.push(named ? "a check-in on how you are" : "a check-in");
  if (reflections.length > 0) items.push(reflectionWords(reflections, named));
  const steps = stepsDue === 1 ? "a step" : `${stepsDue} steps`;
  if (stepsDue > 0) items.push(named ? `${steps} due` : steps);

  const pointers: string[] = [];
  // `reflect` alone opens the newest rejection not reflected on: a check-in is a different entry, named by its id.
  if (checkIn) pointers.push(ids || reflections.length > 0 ? `reflect ${checkIn.id}` : "reflect");
  if (reflections.length > 0)
    pointers.push(`reflect${ids && reflections.length === 1 ? ` ${reflections[0]!.id}` : ""}`);
  if (stepsDue > 0) pointers.push("next");
  const hint =
    commands === "none"
      ? ""
      : commands === "joined"
        ? ` (rejection-coach ${pointers.join(", ")})`
        : ` (${pointers.map((pointer) => `rejection-coach ${pointer}`).join(", ")})`;
  return `When you are ready: ${listed(items)}${hint}.`;
}

function reflectionWords(reflections: readonly NudgeEntry[], named: boolean): string {
  if (!named || reflections.length > NAMED_AT_MOST) {
    return reflections.length === 1 ? "a reflection" : `${reflections.length} reflections`;
  }
  const names = [...new Set(reflections.map((entry) => truncate(safeLine(entry.company), NAME_COLUMNS)))];
  if (reflections.length === 1) return `a reflection on ${names[0]}`;
  // Two roles at one company are one name, counted.
  return names.length === 1 ? `${reflections.length} reflections on ${names[0]}` : `reflections on ${listed(names)}`;
}

/** "a", "a and b", "a, b and c". */
function listed(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
