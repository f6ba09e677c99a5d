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
 * Changes to the library's bash script, each found word for word (a new version
 * of the library that words it otherwise fails the tests rather than ship half
 * changed):
 *
 * - The words are bash's own (COMP_WORDS), not the bash-completion package's,
 *   which many systems (macOS, minimal images) do not have.
 * - They are never evaluated: the library builds a command line and `eval`s it,
 *   so a Tab after `> notes.txt` wrote to that file and one after `"$(...)"` ran
 *   it. Here each word goes to the tool as it was typed, less one layer of quotes;
 *   after a redirection or a second command there is nothing to offer.
 * - `--flag=value` (three words to bash) reaches the tool as the flag and its value.
 * - Candidates are matched as text, not passed through `compgen -W`, which expands them again.
 * - Its constants are plain variables: readonly ones make a second `source` of the
 *   script (a reloaded ~/.bashrc) print an error for each.
 * - File names are completed where the word is a file, as the other shells' scripts do.
 */
const BASH_CHANGES: [string | RegExp, string][] = [
  [
    '    local cur prev words cword\n    _get_comp_words_by_ref -n "=:" cur prev words cword\n',
    `    local cur=\${COMP_WORDS[COMP_CWORD]}
    local args=() word i
    for (( i = 1; i <= COMP_CWORD; i++ )); do
        word=\${COMP_WORDS[i]}
        case $word in
            '>'|'>>'|'>|'|'<'|'<<'|'<<<'|'<>'|'&>'|'&>>'|'|'|'|&'|'||'|'&&'|';'|'&'|'('|')') return ;;
        esac
        if [[ $word == "=" && \${#args[@]} -gt 0 && \${args[\${#args[@]}-1]} == --* ]]; then
            [[ $i -eq $COMP_CWORD ]] && { cur=""; args+=(""); }
            continue
        fi
        if [[ \${#word} -ge 2 && ( ( \${word:0:1} == "'" && \${word: -1} == "'" ) || ( \${word:0:1} == '"' && \${word: -1} == '"' ) ) ]]; then
            word=\${word:1:\${#word}-2}
        fi
        args+=("$word")
    done
`,
  ],
  [
    `    local requestComp out directive
    
    # Build the command to get completions
    requestComp="rejection-coach complete -- \${words[@]:1}"
    
    # Add an empty parameter if the last parameter is complete
    if [[ -z "$cur" ]]; then
        requestComp="$requestComp ''"
    fi
    
    # Get completions from the program
    out=$(eval "$requestComp" 2>/dev/null)
`,
    `    local out directive
    out=$(rejection-coach complete -- "\${args[@]}" 2>/dev/null)
`,
  ],
  [
    '    COMPREPLY=( $(compgen -W "${completions[*]}" -- "$cur") )\n',
    `    COMPREPLY=()
    local candidate
    for candidate in "\${completions[@]}"; do
        [[ -n $candidate && $candidate == "$cur"* ]] && COMPREPLY+=("$candidate")
    done
`,
  ],
  [/^readonly (ShellCompDirective)/gm, "$1"],
  // Without -o default, bash completes no file names even where the tool asks it to (`import <file>`).
  ["complete -F __rejection_coach_complete", "complete -o default -F __rejection_coach_complete"],
];

/**
 * Changes to the library's zsh script, found word for word like bash's:
 *
 * - The words stay as zsh split them (`${=...}` split them again at every space,
 *   so `--data '/tmp/my dir'` became two words), and each loses one layer of
 *   quotes before it is quoted for the request, so the tool gets the path itself.
 * - Backslashes in a candidate or its description are doubled before `_describe`
 *   reads them, which takes one away (`Evil\Co` showed as `EvilCo`).
 */
const ZSH_CHANGES: [string | RegExp, string][] = [
  ['    words=( "${=words[1,CURRENT]}" )\n', '    words=( "${(@)words[1,CURRENT]}" )\n'],
  [
    '    local quoted_args=("${(@q)args_to_quote}")\n',
    // In two steps: nested, (q) leaves an empty word empty, and eval then drops it.
    '    local -a unquoted_args=("${(@Q)args_to_quote}")\n    local quoted_args=("${(@q)unquoted_args}")\n',
  ],
  ["            comp=${comp//:/\\:}\n", "            comp=${comp//\\\\/\\\\\\\\}\n            comp=${comp//:/\\:}\n"],
];

const CHANGES: Partial<Record<Shell, [string | RegExp, string][]>> = { bash: BASH_CHANGES, zsh: ZSH_CHANGES };

/** The completion script for `shell`, which asks `rejection-coach complete -- WORDS` on each Tab. */
export function completionScript(shell: Shell): string {
  const text = printedBy(() => script(shell, NAME, NAME));
  return (CHANGES[shell] ?? []).reduce((changed, [from, to]) => {
    // A new version of the library that words its script differently must fail the tests, not ship half changed.
    if (typeof from === "string" ? !changed.includes(from) : changed.search(from) < 0) {
      throw new Error(`the ${shell} completion script no longer contains ${String(from)}`);
    }
    return changed.replace(from, to);
  }, text);
}
