import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { CoachError, UsageError } from "../errors.js";
import { storeFiles } from "../journal/store-files.js";
import { isSettingKey, SETTING_KEYS, type SettingKey } from "../journal/setting-keys.js";
import { printData, printJson, say } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { didYouMean } from "../ui/suggest.js";
import { dataDirOf, openJournal, readSettings } from "./context.js";

interface JsonOption {
  json?: boolean;
}

// Typed against the settings, so a new key without a line here fails to compile.
const DESCRIPTIONS: Record<SettingKey, string> = {
  contentDir: "a folder of your own YAML strategies, used when --content is not given",
  name: "the name signed under email drafts",
  dateOrder: "how numeric dates are read: mdy (12/01/2026 is December 1) or dmy (1 December)",
  plain: "yes for plain questions with numbered choices and no redraws (as --plain)",
  nudges: "off to stop the one line about what is waiting, shown once a day on a terminal",
};
const KEY_HELP = `one of: ${SETTING_KEYS.join(", ")}`;

function checkedKey(key: string): SettingKey {
  if (isSettingKey(key)) return key;
  throw new UsageError(
    `unknown setting '${key}'${didYouMean(key, SETTING_KEYS)} (settings: ${SETTING_KEYS.join(", ")})`,
  );
}

export function registerConfig(command: Command): void {
  const config = command.description("your settings (kept beside the journal in settings.json)").addHelpText(
    "after",
    `
Settings:
${SETTING_KEYS.map((key) => `  ${key.padEnd(11)} ${DESCRIPTIONS[key]}`).join("\n")}

Examples:
  rejection-coach config set name "Sam Lee"
  rejection-coach config set contentDir ~/coaching
  rejection-coach config set dateOrder dmy
  rejection-coach config set nudges off
  rejection-coach config get name
  rejection-coach config list
  rejection-coach config path`,
  );

  config
    .command("list", { isDefault: true })
    .description("every setting and its value (the default)")
    .option("--json", "print the settings as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach config list\n  rejection-coach config list --json | jq -r .name",
    )
    .action(async (options: JsonOption, command: Command) => {
      const settings = await readSettings(command);
      if (options.json) return printJson(settings);
      printData(
        SETTING_KEYS.map(
          (key) => `${key.padEnd(11)} ${settings[key] === undefined ? "(not set)" : safeLine(settings[key])}`,
        ).join("\n"),
      );
    });

  config
    .command("get")
    .description("print one setting's value")
    .argument("<key>", KEY_HELP)
    .addHelpText("after", "\nExamples:\n  rejection-coach config get name\n  rejection-coach config get contentDir")
    .action(async (name: string, _options: unknown, command: Command) => {
      const key = checkedKey(name);
      const value = (await readSettings(command))[key];
      if (value === undefined)
        throw new CoachError(`${key} is not set (set it with: rejection-coach config set ${key} VALUE)`);
      printData(safeLine(value));
    });

  config
    .command("set")
    .description("change one setting")
    .argument("<key>", KEY_HELP)
    .argument("<value>", "the new value")
    .addHelpText(
      "after",
      '\nExamples:\n  rejection-coach config set name "Sam Lee"\n  rejection-coach config set contentDir ~/coaching\n  rejection-coach config set dateOrder dmy',
    )
    .action(async (name: string, value: string, _options: unknown, command: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const { changeSettings, valueProblem } = await import("../journal/settings.js");
      const key = checkedKey(name);
      let stored = value.trim();
      if (!stored) throw new UsageError(`${key} needs a value; to remove it use: rejection-coach config unset ${key}`);
      if (key === "dateOrder" || key === "nudges") {
        // Typed in any case; kept as the one spelling the reader checks for.
        stored = stored.toLowerCase();
        const problem = valueProblem(key, stored);
        if (problem) throw new UsageError(`${key} ${problem}`);
      }
      if (key === "contentDir") {
        // Stored absolute, so it means the same folder wherever the command is run.
        stored = resolve(stored);
        if (!statSync(stored, { throwIfNoEntry: false })?.isDirectory()) {
          say(`Note: ${safeLine(stored)} is not a folder yet; tips and log will report it until it is.`);
        }
      }
      // Checked above where a key has rules of its own; the others take any text.
      await changeSettings(
        await openJournal(command),
        (settings) => ((settings as Record<string, string>)[key] = stored),
      );
      say(`${key} = ${safeLine(stored)}`);
    });

  config
    .command("unset")
    .description("remove one setting (back to the default)")
    .argument("<key>", KEY_HELP)
    .addHelpText("after", "\nExamples:\n  rejection-coach config unset contentDir")
    .action(async (name: string, _options: unknown, command: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const { changeSettings } = await import("../journal/settings.js");
      const key = checkedKey(name);
      await changeSettings(await openJournal(command), (settings) => delete settings[key]);
      say(`${key} is not set now.`);
    });

  config
    .command("path")
    .description("where your journal and settings live")
    .option("--json", "print the paths as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach config path\n  rejection-coach config path --json | jq -r .journal",
    )
    .action((options: JsonOption, command: Command) => {
      const dir = dataDirOf(command);
      const { journal, settings } = storeFiles(dir);
      const paths = { dataDir: dir, journal, settings };
      if (options.json) return printJson(paths);
      printData(`data folder  ${paths.dataDir}\njournal      ${paths.journal}\nsettings     ${paths.settings}`);
    });
}
