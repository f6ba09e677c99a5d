import { ShellCompDirective } from "@bomb.sh/tab";
import type { Command } from "commander";
import { buildProgram } from "../cli.js";
import { printData } from "../ui/output.js";
import { printedBy } from "./completion-script.js";
import { loadSources } from "./completion-sources.js";
import { completionTree, type Source } from "./completion-tree.js";

/**
 * What the completion scripts call on each Tab: `rejection-coach complete --
 * WORDS`, the command line after the program's name with the word being
 * completed last (empty after a space). It prints one candidate a line, a tab
 * before its description, then the library's `:DIRECTIVE` line.
 */
export function registerComplete(command: Command): void {
  command
    .description("print the candidates for the word being completed; the completion scripts call it")
    .argument("[words...]", "the command line after rejection-coach, the word being completed last")
    .allowUnknownOption()
    .action(async (words: string[] = []) => printData(await completionCandidates(words)));
}

/**
 * The candidates for `words`. Every command is loaded here, and only here, so
 * each one's flags are known. A first reading notes which values the word
 * takes; only when it takes ids is the journal (or the content) read, and the
 * reading done again with them.
 */
export async function completionCandidates(typed: readonly string[]): Promise<string> {
  return candidatesFor(splitFlagValues(typed));
}

/**
 * The words before the one being completed with `--flag=value` as two words,
 * as commander reads them; the library reads only the word being completed in
 * that form (zsh and fish then put the `--flag=` back before each candidate).
 */
export function splitFlagValues(typed: readonly string[]): string[] {
  const before = typed.slice(0, -1).flatMap((word) => {
    const pair = /^(--[^=\s]+)=(.*)$/s.exec(word);
    return pair ? [pair[1]!, pair[2]!] : [word];
  });
  return typed.length === 0 ? [] : [...before, typed.at(-1)!];
}

async function candidatesFor(words: readonly string[]): Promise<string> {
  const program = await buildProgram([], { loadAll: true });
  const wanted = new Set<Source>();
  // The library takes the words as its own and changes them: it gets a copy each time.
  const first = printedBy(() => completionTree(program, (source) => (wanted.add(source), [])).parse([...words]));
  if (wanted.has("files") || wanted.has("folders")) return withPaths(first, wanted.has("files"));
  if (wanted.size === 0) return first;
  const values = await loadSources(wanted, words);
  return printedBy(() => completionTree(program, (source) => values.get(source) ?? []).parse([...words]));
}

/**
 * The library always tells the shell not to complete file names; where the
 * word is a path, the shell is told to complete files (or only folders) instead.
 */
function withPaths(printed: string, files: boolean): string {
  const directive = files
    ? ShellCompDirective.ShellCompDirectiveDefault
    : ShellCompDirective.ShellCompDirectiveFilterDirs;
  return printed.replace(/:\d+\n$/, `:${directive}\n`);
}
