import { RootCommand, type Command as TabCommand, type Complete } from "@bomb.sh/tab";
import type { Command, Option } from "commander";
import { SETTING_KEYS } from "../journal/setting-keys.js";
import { REASONS, spelledId } from "../journal/vocabulary.js";

/**
 * Values that depend on the journal or the content, looked up only when the
 * word being completed takes one; or paths, which the shell itself completes.
 */
export type Source = "entries" | "strategies" | "traps" | "files" | "folders";

export interface Candidate {
  value: string;
  /** Shown beside the value by zsh and fish. */
  description?: string;
}

export type Lookup = (source: Source) => readonly Candidate[];

type Values = Source | readonly string[];

/**
 * The values of the arguments and flags that commander's `.choices()` does not
 * list (those are read from the options themselves), by command path and name.
 * test/cli/completion.test.ts checks that every `id` argument is here.
 */
export const ARGUMENT_VALUES: Readonly<Record<string, Values>> = {
  "reflect id": "entries",
  "feedback id": "entries",
  "show id": "entries",
  "edit id": "entries",
  "delete id": "entries",
  "next add id": "entries",
  "tips id": "strategies",
  "config get key": SETTING_KEYS,
  "config set key": SETTING_KEYS,
  "config unset key": SETTING_KEYS,
};

/** Flags by long name, whichever command has them. `--in-control` takes what reasonsParser takes. */
export const OPTION_VALUES: Readonly<Record<string, Values>> = {
  "in-control": [...REASONS.map(spelledId), "none"],
  trap: "traps",
};

/** A value named `<file>` or `<dir>` in the help (`--email <file>`, `import <file>`) is a path. */
const PATHS: Readonly<Record<string, Source>> = { file: "files", dir: "folders" };
const placeholder = (flags: string): string => /[<[]([\w-]+)[>\]]/.exec(flags)?.[1] ?? "";

/**
 * The program's commands, flags and values as @bomb.sh/tab's tree, which does
 * the reading of a half-typed command line. `program` must have every command
 * loaded, so that each one's own flags are known.
 */
export function completionTree(program: Command, lookup: Lookup): RootCommand {
  const root = new RootCommand();
  const help = program.createHelp();
  const globals = help.visibleOptions(program);
  addOptions(root, globals, lookup);
  const walk = (command: Command, path: string): void => {
    for (const sub of help.visibleCommands(command)) {
      for (const name of [sub.name(), ...sub.aliases()]) {
        const subPath = path ? `${path} ${name}` : name;
        const node = root.command(subPath, sub.summary() || sub.description());
        const own = help.visibleOptions(sub);
        const ownNames = new Set(own.map((option) => option.long));
        // Global flags are taken after a command's name too: `show 3f2a --data DIR`.
        addOptions(node, [...own, ...globals.filter((option) => !ownNames.has(option.long))], lookup);
        addArguments(node, sub, `${path ? `${path} ` : ""}${sub.name()}`, lookup);
        walk(sub, subPath);
      }
    }
  };
  walk(program, "");
  return root;
}

function addOptions(node: TabCommand, options: readonly Option[], lookup: Lookup): void {
  for (const option of options) {
    const long = option.long?.replace(/^--/, "");
    if (!long) continue;
    const short = option.short?.replace(/^-/, "");
    if (!option.required && !option.optional) {
      node.option(long, option.description, short);
      continue;
    }
    // A flag that takes a value always gets a handler, even one that offers nothing:
    // without one the library reads it as a switch and completes its value as a command.
    const values = OPTION_VALUES[long] ?? option.argChoices ?? PATHS[placeholder(option.flags)] ?? [];
    node.option(long, option.description, offer(values, lookup), short);
  }
}

function addArguments(node: TabCommand, command: Command, path: string, lookup: Lookup): void {
  for (const argument of command.registeredArguments) {
    const values = ARGUMENT_VALUES[`${path} ${argument.name()}`] ?? argument.argChoices ?? PATHS[argument.name()];
    node.argument(argument.name(), values ? offer(values, lookup) : undefined, argument.variadic);
  }
}

const offer =
  (values: Values, lookup: Lookup) =>
  (complete: Complete): void => {
    const candidates: readonly Candidate[] =
      typeof values === "string" ? lookup(values) : values.map((value) => ({ value }));
    for (const { value, description } of candidates) complete(value, description ?? "");
  };
