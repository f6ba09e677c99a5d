import type { Command } from "commander";

/**
 * Every command, in the order a person meets them (the order --help lists
 * them in). Only the command being run is loaded: the others are listed by
 * name, term and summary, so `--help`, a mistyped name and a command's own run
 * load no other command's code.
 */
export interface CommandEntry {
  name: string;
  alias?: string;
  /** Left out of --help and of completion: a command for programs, not people. */
  hidden?: boolean;
  /** How the root help lists it, as commander would write it: name, [options], arguments. */
  term: string;
  summary: string;
  /** Adds the command's description, arguments, options and action to `command`. */
  load(): Promise<(command: Command) => void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "log",
    term: "log [options]",
    summary: "log a rejection and get ideas for what may help",
    load: async () => (await import("./log.js")).registerLog,
  },
  {
    name: "reflect",
    term: "reflect [options] [id]",
    summary: "look back on a rejection and plan what to do next",
    load: async () => (await import("./reflect.js")).registerReflect,
  },
  {
    name: "next",
    term: "next [options]",
    summary: "your open next steps, soonest due first",
    load: async () => (await import("./next.js")).registerNext,
  },
  {
    name: "feedback",
    term: "feedback [options] <id>",
    summary: "draft a note to the employer, or save their feedback",
    load: async () => (await import("./feedback.js")).registerFeedback,
  },
  {
    name: "win",
    term: "win [options]",
    summary: "log a small victory, like an interview or a new skill",
    load: async () => (await import("./win.js")).registerWin,
  },
  {
    name: "tips",
    term: "tips [options] [id]",
    summary: "browse the coaching strategies, grouped by phase",
    load: async () => (await import("./tips.js")).registerTips,
  },
  {
    name: "thought",
    term: "thought [options] [text...]",
    summary: "name the thinking traps a thought may hold",
    load: async () => (await import("./thought.js")).registerThought,
  },
  {
    name: "list",
    alias: "journal",
    term: "list|journal [options]",
    summary: "your journal, one line per entry, newest first",
    load: async () => (await import("./list.js")).registerList,
  },
  {
    name: "show",
    term: "show [options] <id>",
    summary: "one entry in full, reflection and actions included",
    load: async () => (await import("./show.js")).registerShow,
  },
  {
    name: "edit",
    term: "edit [options] <id>",
    summary: "change a saved rejection or win",
    load: async () => (await import("./edit.js")).registerEdit,
  },
  {
    name: "delete",
    term: "delete [options] <id>",
    summary: "delete one entry for good (asks first)",
    load: async () => (await import("./delete.js")).registerDelete,
  },
  {
    name: "stats",
    term: "stats [options]",
    summary: "your search at a glance, and what the coach noticed",
    load: async () => (await import("./stats.js")).registerStats,
  },
  {
    name: "export",
    term: "export [options]",
    summary: "your journal as Markdown, JSON, YAML or CSV",
    load: async () => (await import("./export.js")).registerExport,
  },
  {
    name: "import",
    term: "import [options] <file>",
    summary: "bring in entries from a JSON or YAML export",
    load: async () => (await import("./import.js")).registerImport,
  },
  {
    name: "config",
    term: "config",
    summary: "show or change your settings",
    load: async () => (await import("./config.js")).registerConfig,
  },
  {
    name: "encrypt",
    term: "encrypt [options]",
    summary: "encrypt the journal with a passphrase",
    load: async () => (await import("./encrypt.js")).registerEncrypt,
  },
  {
    name: "decrypt",
    term: "decrypt",
    summary: "write an encrypted journal back as plain JSON",
    load: async () => (await import("./decrypt.js")).registerDecrypt,
  },
  {
    name: "passphrase",
    term: "passphrase [options]",
    summary: "change an encrypted journal's passphrase",
    load: async () => (await import("./passphrase.js")).registerPassphrase,
  },
  {
    name: "doctor",
    term: "doctor [options]",
    summary: "check your journal is readable, valid and private",
    load: async () => (await import("./doctor.js")).registerDoctor,
  },
  {
    name: "completion",
    term: "completion <shell>",
    summary: "print the Tab-completion script for bash, zsh or fish",
    load: async () => (await import("./completion.js")).registerCompletion,
  },
  {
    // What the completion scripts call on each Tab: `complete -- WORDS...`, the name the library's scripts use.
    name: "complete",
    hidden: true,
    term: "complete [words...]",
    summary: "the candidates for the word being completed, for the completion scripts",
    load: async () => (await import("./complete.js")).registerComplete,
  },
];

/** Options of the program itself that take a value: the word after them is not a command's name. */
const GLOBAL_VALUE_OPTIONS = new Set(["--data", "--content"]);

/**
 * The command `args` run, if they name one (`help log` names log): the first
 * word that is neither a global option nor its value, or the first after `--`.
 */
export function commandNamed(args: readonly string[]): CommandEntry | undefined {
  const words: string[] = [];
  for (let i = 0; i < args.length && words.length < 2; i++) {
    const word = args[i]!;
    if (word === "--") {
      words.push(...args.slice(i + 1));
      break;
    }
    if (GLOBAL_VALUE_OPTIONS.has(word)) i++;
    else if (!word.startsWith("-")) words.push(word);
  }
  const target = words[0] === "help" ? words[1] : words[0];
  return target === undefined ? undefined : COMMANDS.find((entry) => entry.name === target || entry.alias === target);
}
