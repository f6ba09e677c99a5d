import { StoreError } from "../errors.js";
import { NotRegularFileError } from "./atomic-file.js";
import { DATE_ORDERS } from "./day-input.js";
import { fileErrorReason } from "./file-errors.js";
import { jsonErrorText } from "./journal-text.js";
import { FileTooLargeError, readRegularFile } from "./read-file.js";
import { isSettingKey, NUDGE_SETTINGS, SETTING_KEYS, type SettingKey, type Settings } from "./setting-keys.js";
import type { JournalStore } from "./store.js";

/** Settings are a few short lines; anything this large is not a settings file. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Why one setting's value cannot be used, or undefined when it can. */
export function valueProblem(key: SettingKey, value: unknown): string | undefined {
  if (typeof value !== "string") return `must be text, not ${value === null ? "null" : typeof value}`;
  if (value.trim() === "") return "must not be empty";
  if (key === "dateOrder" && !(DATE_ORDERS as readonly string[]).includes(value)) {
    return "must be mdy (12/01/2026 is December 1) or dmy (01/12/2026 is 1 December)";
  }
  if (key === "nudges" && !(NUDGE_SETTINGS as readonly string[]).includes(value)) {
    return "must be on or off";
  }
  return undefined;
}

/** What is in a settings file: the usable settings, and what is wrong with the rest. */
export interface SettingsReading {
  settings: Settings;
  /** The file cannot be used at all (not JSON, not an object, not a file). */
  unreadable?: string;
  /** Keys with values that cannot be used, or that are unknown. */
  problems: { key: string; problem: string }[];
  /** The file's object as it is, wrong values included. */
  raw: Record<string, unknown>;
}

/**
 * Reads settings.json as it is, saying what is wrong instead of stopping:
 * `doctor` shows it, and the repair keeps what can be kept.
 */
export function inspectSettings(file: string): SettingsReading | undefined {
  let raw: Buffer;
  try {
    raw = readRegularFile(file, MAX_SETTINGS_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    const why =
      error instanceof NotRegularFileError
        ? `is ${error.kind}, not a regular file`
        : error instanceof FileTooLargeError
          ? "is far too large for a settings file"
          : `cannot be read: ${fileErrorReason(error)}`;
    return { settings: {}, unreadable: why, problems: [], raw: {} };
  }
  const text = raw.toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim() === "" ? "{}" : text);
  } catch (error) {
    return { settings: {}, unreadable: `is not valid JSON (${jsonErrorText(error as Error)})`, problems: [], raw: {} };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { settings: {}, unreadable: "is not a JSON object of settings", problems: [], raw: {} };
  }
  const settings: Settings = {};
  const problems: SettingsReading["problems"] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (!isSettingKey(key)) {
      problems.push({ key, problem: `is not a setting (settings: ${SETTING_KEYS.join(", ")})` });
      continue;
    }
    const problem = valueProblem(key, value);
    if (problem) problems.push({ key, problem });
    else (settings as Record<string, string>)[key] = value as string;
  }
  return { settings, problems, raw: parsed as Record<string, unknown> };
}

/** The settings, or a StoreError naming the file and the key that is wrong. */
export function readSettingsFile(file: string): Settings {
  const reading = inspectSettings(file);
  if (!reading) return {};
  if (reading.unreadable) throw new StoreError(file, reading.unreadable, true);
  const first = reading.problems[0];
  if (first) throw new StoreError(file, `the setting \`${first.key}\` ${first.problem}`, true);
  return reading.settings;
}

/**
 * Changes settings under the store's lock, so that two `config set` at once
 * both land, and writes them as safely as the journal. A key with a wrong value
 * can be set or unset to put it right; a file that is not JSON is left for
 * `doctor --repair`, which keeps a copy.
 */
export async function changeSettings(store: JournalStore, change: (settings: Settings) => void): Promise<Settings> {
  const file = store.files.settings;
  return store.withLock((lock) => {
    const reading = inspectSettings(file);
    if (reading?.unreadable) throw new StoreError(file, reading.unreadable, true);
    // Keys this change does not touch keep their values, wrong ones included, for `doctor` to show.
    const settings: Record<string, unknown> = { ...reading?.raw };
    change(settings);
    store.writeOwnFile(file, `${JSON.stringify(settings, undefined, "\t")}\n`, lock);
    return settings;
  });
}
