import type { Command } from "commander";
import { choosePlainMode, plainSettingOn } from "../ui/plain-mode.js";
import { settingsFileOf } from "./context.js";

/**
 * Turns plain mode on before a command runs when `--plain` is given or the
 * `plain` setting says yes. The setting is read leniently: a damaged settings
 * file is for `doctor` to report, not a reason to refuse every command.
 */
export async function applyPlainOption(command: Command): Promise<void> {
  if (command.optsWithGlobals<{ plain?: boolean }>().plain) return choosePlainMode();
  try {
    const file = settingsFileOf(command);
    if (file === undefined) return;
    const { inspectSettings } = await import("../journal/settings.js");
    if (plainSettingOn(inspectSettings(file)?.settings.plain)) choosePlainMode();
  } catch {
    // No data folder to read it from: the command itself will say so if it needs one.
  }
}
