import { script } from "@bomb.sh/tab";

/** The shells a completion script is written for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

const NAME = "rejection-coach";

/**
 * What a function of @bomb.sh/tab prints: the library writes its scripts and
 * its candidates with console.log, and the tool writes through io() (tests
 * run it in-process with streams of their own). It runs synchronously, so
 * nothing else can print in between.
 */
export function printedBy(work: () => void): string {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => void lines.push(parts.map(String).join(" "));
  try {
    work();
  } finally {
    console.log = log;
  }
  return lines.map((line) => `${line}\n`).join("");
}

/**
 * The library's bash script reads the words with `_get_comp_words_by_ref`, from
 * the bash-completion package, which many systems (macOS, minimal images) do not
 * have. Without it, the words are taken from bash itself. Its constants are made
 * plain variables: readonly ones make a second `source` of the script (a
 * reloaded ~/.bashrc) print an error for each. And file names are completed
 * where the word is a file, as the other shells' scripts do.
 */
const BASH_CHANGES: [string | RegExp, string][] = [
  [
    '    _get_comp_words_by_ref -n "=:" cur prev words cword\n',
    `    if declare -F _get_comp_words_by_ref >/dev/null; then
        _get_comp_words_by_ref -n "=:" cur prev words cword
    else
        # Without the bash-completion package: the words up to the cursor, as bash split them.
        cword=$COMP_CWORD
        words=("\${COMP_WORDS[@]:0:COMP_CWORD+1}")
        cur=\${COMP_WORDS[COMP_CWORD]}
        prev=\${COMP_WORDS[COMP_CWORD-1]}
    fi
`,
  ],
  [/^readonly (ShellCompDirective)/gm, "$1"],
  // Without -o default, bash completes no file names even where the tool asks it to (`import <file>`).
  ["complete -F __rejection_coach_complete", "complete -o default -F __rejection_coach_complete"],
];

/** The completion script for `shell`, which asks `rejection-coach complete -- WORDS` on each Tab. */
export function completionScript(shell: Shell): string {
  const text = printedBy(() => script(shell, NAME, NAME));
  if (shell !== "bash") return text;
  return BASH_CHANGES.reduce((changed, [from, to]) => {
    // A new version of the library that words its script differently must fail the tests, not ship half changed.
    if (typeof from === "string" ? !changed.includes(from) : changed.search(from) < 0) {
      throw new Error(`the bash completion script no longer contains ${String(from)}`);
    }
    return changed.replace(from, to);
  }, text);
}
