import Conf from "conf";
import { UsageError } from "../errors.js";

/** The person's preferences, kept beside the journal in settings.json. */
export interface Settings {
  /** A folder of the person's own YAML content, merged over the built-in coaching. */
  contentDir?: string;
  /** The name signed under email drafts. */
  name?: string;
}

export const SETTING_KEYS = ["contentDir", "name"] as const satisfies readonly (keyof Settings)[];
export type SettingKey = (typeof SETTING_KEYS)[number];

export function openSettings(dataDir: string): Conf<Settings> {
  return new Conf<Settings>({
    cwd: dataDir,
    configName: "settings",
    projectSuffix: "",
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    schema: {
      contentDir: { type: "string", minLength: 1 },
      name: { type: "string", minLength: 1 },
    },
  });
}

export function assertSettingKey(key: string): asserts key is SettingKey {
  if (!(SETTING_KEYS as readonly string[]).includes(key)) {
    throw new UsageError(`unknown setting '${key}' (settings: ${SETTING_KEYS.join(", ")})`);
  }
}
