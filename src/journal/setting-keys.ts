import type { DateOrder } from "./day-input.js";

// Apart from the settings file's reading and writing, so that the command line
// can name the settings in its help without loading them.

/** The person's preferences, kept beside the journal in settings.json. */
export interface Settings {
  /** A folder of the person's own YAML content, merged over the built-in coaching. */
  contentDir?: string;
  /** The name signed under email drafts. */
  name?: string;
  /** How numeric dates are read: 01/12/2026 is 12 January in "mdy", 1 December in "dmy". */
  dateOrder?: DateOrder;
  /** "yes" for plain questions and answers, as on a terminal that cannot redraw. */
  plain?: string;
  /** "off" to never show the one-line word about what is waiting, on the next run of the day. */
  nudges?: string;
}

export const SETTING_KEYS = [
  "contentDir",
  "name",
  "dateOrder",
  "plain",
  "nudges",
] as const satisfies readonly (keyof Settings)[];
export type SettingKey = (typeof SETTING_KEYS)[number];

/** The values the `nudges` setting takes; without it, nudges are on. */
export const NUDGE_SETTINGS = ["on", "off"] as const;

export const isSettingKey = (key: string): key is SettingKey => (SETTING_KEYS as readonly string[]).includes(key);
