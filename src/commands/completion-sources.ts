import { join } from "node:path";
import type { Content } from "../content/schema.js";
import { peekEntries } from "../journal/peek-entries.js";
import { resolveDataDir } from "../journal/paths.js";
import { SETTINGS_NAME } from "../journal/store-files.js";
import { spelledId } from "../journal/vocabulary.js";
import { entryLabel } from "../ui/entry-label.js";
import { safeLine } from "../ui/safe-text.js";
import type { Candidate, Source } from "./completion-tree.js";

/**
 * The values of `wanted`, read for a completion: the journal's ids (with the
 * company and role, or the win's title), the strategies' and the thinking
 * traps' ids. `words` is the command line being completed: its --data and
 * --content say where to read. Anything that cannot be read gives no values:
 * completion never prompts, never writes and never prints an error into the
 * person's command line.
 */
export async function loadSources(
  wanted: ReadonlySet<Source>,
  words: readonly string[],
): Promise<Map<Source, Candidate[]>> {
  const values = new Map<Source, Candidate[]>();
  const dataDir = (): string => resolveDataDir(flagValue(words, "--data"));
  if (wanted.has("entries"))
    values.set(
      "entries",
      attempt(() => entryCandidates(dataDir())),
    );
  if (wanted.has("strategies") || wanted.has("traps")) {
    const content = await contentFor(words, dataDir).catch(() => undefined);
    values.set(
      "strategies",
      (content?.strategies ?? []).map((strategy) => ({ value: strategy.id, description: safeLine(strategy.title) })),
    );
    values.set(
      "traps",
      (content?.reflection.traps ?? []).map((trap) => ({
        value: spelledId(trap.id),
        description: safeLine(trap.name),
      })),
    );
  }
  return values;
}

function attempt(read: () => Candidate[]): Candidate[] {
  try {
    return read();
  } catch {
    return [];
  }
}

const entryCandidates = (dir: string): Candidate[] =>
  peekEntries(dir).map((entry) => ({ value: entry.id, description: entryLabel(entry) }));

/** The content as `tips` would read it: --content, else the contentDir setting, else the built-in copy. */
async function contentFor(words: readonly string[], dataDir: () => string): Promise<Content | undefined> {
  let userDir = flagValue(words, "--content");
  if (userDir === undefined) {
    const { inspectSettings } = await import("../journal/settings.js");
    userDir = inspectSettings(join(dataDir(), SETTINGS_NAME))?.settings.contentDir;
  }
  if (userDir === undefined) {
    const { readContentCache } = await import("../content/cache.js");
    const cached = readContentCache();
    if (cached) return cached;
  }
  const { loadContent } = await import("../content/load.js");
  return loadContent({ userDir });
}

/** The value of a global flag on the command line: `--data DIR` or `--data=DIR`, the last one given. */
function flagValue(words: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  words.forEach((word, at) => {
    if (word === flag && at + 1 < words.length) value = words[at + 1];
    else if (word.startsWith(`${flag}=`)) value = word.slice(flag.length + 1);
  });
  return value;
}
