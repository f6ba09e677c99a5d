import type { Command } from "commander";
import { UsageError } from "../errors.js";

/**
 * Usage rules commander leaves to each command, applied to the whole tree once
 * everything is registered: choice flags read in any case, and a command that
 * has subcommands and an action of its own (`next`, `config`) names a mistyped
 * subcommand instead of calling it "too many arguments".
 */
export function applyUsageChecks(command: Command): void {
  for (const option of command.options) ignoreCaseOfChoices(option);
  if (command.commands.length > 0 && command.registeredArguments.length === 0) refuseUnknownSubcommand(command);
  for (const sub of command.commands) applyUsageChecks(sub);
}

type Option = Command["options"][number];

/**
 * `--stage Interview`, `--format MD`: every choice list is lower case, so the
 * value is lowered before the option's own check (commander's `.choices()`, or
 * a list parser), which keeps the choices shown in help.
 */
function ignoreCaseOfChoices(option: Option): void {
  const choices = option.argChoices;
  const parse = option.parseArg;
  if (!choices || !parse || choices.some((choice) => choice !== choice.toLowerCase())) return;
  option.parseArg = <T>(value: string, previous: T): T => parse(value.toLowerCase(), previous);
}

/**
 * The arguments of a command with subcommands reach its own action, or its
 * default subcommand's (`config nme` runs `config list nme`): there, a first
 * word is a mistyped subcommand.
 */
function refuseUnknownSubcommand(command: Command): void {
  // commander keeps the default subcommand's name to itself; without it, only the command's own action is checked.
  const defaultName = (command as unknown as { _defaultCommandName?: string })._defaultCommandName;
  const fallback = command.commands.find((sub) => sub.name() === defaultName);
  const receivers = [command, ...(fallback && fallback.registeredArguments.length === 0 ? [fallback] : [])];
  for (const receiver of receivers) receiver.allowExcessArguments(true);
  command.hook("preAction", async (_hooked, running) => {
    if (!receivers.includes(running) || running.args.length === 0) return;
    const { didYouMean } = await import("../ui/suggest.js");
    const [word] = running.args as [string];
    const names = command.commands.flatMap((sub) => [sub.name(), ...sub.aliases()]);
    const path = command.name();
    const guess = didYouMean(word, names);
    throw new UsageError(
      `'${word}' is not a command of '${path}'${guess.replace(/'([^']+)'/, `'${path} $1'`)}; see 'rejection-coach ${path} --help'`,
    );
  });
}
