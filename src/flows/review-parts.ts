import { summaryTable } from "../ui/entry-summary.js";
import type { Prompts } from "./prompts.js";

/** One part of what is about to be saved: its lines in the summary, and how to ask it again. */
export interface ReviewPart {
  key: string;
  /** Named in the "Change: ..." choice. */
  label: string;
  rows(): [label: string, value: string][];
  /** Asks this part again, the current answers offered as defaults. */
  change(): Promise<void>;
}

/**
 * The same last step as log's: a summary of everything that will be saved,
 * then save, change a part (as often as the person likes) or leave without
 * saving. True means save.
 */
export async function reviewParts(
  prompts: Prompts,
  parts: readonly ReviewPart[],
  show: (text: string) => void,
): Promise<boolean> {
  for (;;) {
    show(`\n${summaryTable(parts.flatMap((part) => part.rows()))}\n`);
    const choice = await prompts.select<string>({
      message: "Does this look right?",
      choices: [
        { value: "save", name: "Yes, save it" },
        ...parts.map((part) => ({ value: part.key, name: `Change: ${part.label.toLowerCase()}` })),
        { value: "stop", name: "Don't save it" },
      ],
      default: "save",
      pageSize: parts.length + 2,
    });
    if (choice === "save") return true;
    if (choice === "stop") return false;
    await parts.find((part) => part.key === choice)!.change();
  }
}
