import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Content } from "../content/schema.js";
import type { DateOrder } from "../journal/day-input.js";
import type { JournalStore } from "../journal/store.js";
import { resolveDataDir } from "../journal/paths.js";
import type { Settings } from "../journal/setting-keys.js";
import { SETTINGS_NAME } from "../journal/store-files.js";
import { symbols } from "../ui/symbols.js";

/** The options every command accepts, set on the program itself. */
export interface GlobalOptions {
  data?: string;
  content?: string;
  color?: boolean;
  passphraseFile?: string;
}

const globalOptions = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

export const dataDirOf = (command: Command): string => resolveDataDir(globalOptions(command).data);

/**
 * The journal store, loaded only by the commands that need it. An encrypted
 * journal's passphrase is asked by the store itself, once, and only when the
 * file it reads is encrypted (passphrase-source.ts). The journal it reads is
 * also where the day's nudge comes from, when this run may show one.
 */
export async function openJournal(command: Command): Promise<JournalStore> {
  const [{ JournalStore }, { describeLock }, { say }, { passphraseProvider }, { nudgeOnRead }] = await Promise.all([
    import("../journal/store.js"),
    import("../journal/lock-words.js"),
    import("../ui/output.js"),
    import("./passphrase-source.js"),
    import("./nudge.js"),
  ]);
  return new JournalStore(dataDirOf(command), {
    onLockWait: (state) => say(`Waiting: the journal ${describeLock(state)} yet${symbols().ellipsis}`),
    passphrase: passphraseProvider(globalOptions(command).passphraseFile),
    onRead: nudgeOnRead(command),
  });
}

/** This run's settings.json, when there is one. */
export function settingsFileOf(command: Command): string | undefined {
  const file = join(dataDirOf(command), SETTINGS_NAME);
  return existsSync(file) ? file : undefined;
}

/** Reads settings.json if there is one, without creating anything. */
export async function readSettings(command: Command): Promise<Settings> {
  const file = settingsFileOf(command);
  if (file === undefined) return {};
  const { readSettingsFile } = await import("../journal/settings.js");
  return readSettingsFile(file);
}

/**
 * The `dateOrder` setting, for reading numeric dates. Other settings being wrong
 * does not stop a date from being read: without a usable order, the locale's is
 * used and the date is confirmed in words.
 */
export async function dateOrderSetting(command: Command): Promise<DateOrder | undefined> {
  const file = settingsFileOf(command);
  if (file === undefined) return undefined;
  const { inspectSettings } = await import("../journal/settings.js");
  return inspectSettings(file)?.settings.dateOrder;
}

/**
 * The coaching content, with the person's own folder (flag, else setting) merged in.
 * Without one, the build's validated copy is used while the YAML is unchanged.
 */
export async function openContent(command: Command): Promise<Content> {
  const userDir = globalOptions(command).content ?? (await readSettings(command)).contentDir;
  if (!userDir) {
    const { readContentCache } = await import("../content/cache.js");
    const cached = readContentCache();
    if (cached) return cached;
  }
  const { loadContent } = await import("../content/load.js");
  return loadContent({ userDir });
}
