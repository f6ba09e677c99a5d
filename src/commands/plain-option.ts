import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { SETTINGS_NAME } from "../journal/store-files.js";
import { choosePlainMode, plainSettingOn } from "../ui/plain-mode.js";
import { dataDirOf } from "./context.js";

/**
 * Turns plain mode on before a command runs when `--plain` is given or the
 * `plain` setting says yes. The setting is read leniently: a damaged settings
 * file is for `doctor` to report, not a reason to refuse every command.
 */
export async function applyPlainOption(command: Command): Promise<void> {
  if (command.optsWithGlobals<{ plain?: boolean }>().plain) return choosePlainMode();
  try {
    const file = join(dataDirOf(command), SETTINGS_NAME);
    if (!existsSync(file)) return;
    const { inspectSettings } = await import("../journal/settings.js");
    if (plainSettingOn(inspectSettings(file)?.settings.plain)) choosePlainMode();
  } catch {
    // No data folder to read it from: the command itself will say so if it needs one.
  }
}
