import { readFileSync } from "node:fs";
import { CoachError, UsageError } from "../errors.js";
import { stopping } from "../flows/prompt-stop.js";
import { fileErrorReason } from "../journal/file-errors.js";
import type { PassphraseProvider } from "../journal/store-cipher.js";
import { canPrompt } from "../ui/output.js";
import { io } from "../io.js";

/** Where a script puts the passphrase when it cannot type it. */
export const PASSPHRASE_ENV = "REJECTION_COACH_PASSPHRASE";
/** Where a script puts the new passphrase for `rejection-coach passphrase`. */
export const NEW_PASSPHRASE_ENV = "REJECTION_COACH_NEW_PASSPHRASE";

/** A way a script gives a passphrase: a variable, or a file named by a flag. */
interface ScriptSource {
  variable: string;
  flag: string;
}

const CURRENT: ScriptSource = { variable: PASSPHRASE_ENV, flag: "--passphrase-file" };
/** The new passphrase of `rejection-coach passphrase`: the current one comes from the usual sources. */
export const NEW: ScriptSource = { variable: NEW_PASSPHRASE_ENV, flag: "--new-passphrase-file" };

/** Said when nothing gave a passphrase and nobody is at a terminal to type it. */
const howToGive = (what: string, source: ScriptSource = CURRENT): string =>
  `give ${what} with ${source.variable}=... or ${source.flag} FILE ` +
  "(never as an argument: other users can read those)";

/** What one run was given: the variables, taken once, and the provider built on them. */
interface RunSource {
  fromEnv: Partial<Record<string, string>>;
  provider?: PassphraseProvider;
}

/** Per run (its environment), so a command that opens the journal twice still asks once. */
const runs = new WeakMap<NodeJS.ProcessEnv, RunSource>();

/**
 * This run's source. REJECTION_COACH_PASSPHRASE and REJECTION_COACH_NEW_PASSPHRASE
 * are taken out of the environment the first time, whether or not the journal
 * turns out to be encrypted: an editor or any other program the run starts must
 * not inherit them.
 */
export function runSource(): RunSource {
  const env = io().env;
  let run = runs.get(env);
  if (run === undefined) {
    run = { fromEnv: {} };
    for (const variable of [PASSPHRASE_ENV, NEW_PASSPHRASE_ENV]) {
      run.fromEnv[variable] = env[variable];
      delete env[variable];
    }
    runs.set(env, run);
  }
  return run;
}

/**
 * The passphrase a script gave, if any. The file is the more deliberate: a shell
 * may export the variable for every command.
 */
function scriptPassphrase(file: string | undefined, source: ScriptSource, run: RunSource): string | undefined {
  if (file !== undefined) return readPassphraseFile(file, source.flag);
  const fromEnv = run.fromEnv[source.variable];
  if (fromEnv === "") throw new UsageError(`${source.variable} is empty; an empty passphrase is not accepted`);
  return fromEnv;
}

/**
 * The passphrase of an encrypted journal, for one run: from `--passphrase-file`,
 * else REJECTION_COACH_PASSPHRASE, else typed at a hidden prompt on a terminal.
 * Nothing is asked until the store finds an encrypted journal, so a plain one
 * never asks.
 */
export function passphraseProvider(passphraseFile: string | undefined): PassphraseProvider {
  const run = runSource();
  let asked: Promise<string> | undefined;
  const ask = async (): Promise<string> => {
    const given = scriptPassphrase(passphraseFile, CURRENT, run);
    if (given !== undefined) return given;
    if (canPrompt()) return askPassphrase("Passphrase of the journal");
    throw new UsageError(`the journal is encrypted; ${howToGive("its passphrase")}`);
  };
  return (run.provider ??= () => (asked ??= ask()));
}

/**
 * A passphrase to encrypt with: from a script (the usual sources for encrypt,
 * the NEW ones for a change of passphrase), else typed twice at a terminal,
 * since a mistyped one would lock the person out of their journal.
 */
export async function newPassphrase(file: string | undefined, source: ScriptSource = CURRENT): Promise<string> {
  const given = scriptPassphrase(file, source, runSource());
  if (given !== undefined) return given;
  if (!canPrompt()) throw new UsageError(howToGive("the new passphrase", source));
  const first = await askPassphrase("New passphrase");
  const second = await askPassphrase("The same passphrase again");
  if (first !== second) throw new CoachError("the two passphrases differ; nothing was changed");
  return first;
}

/**
 * The passphrase in `file`, without the one line break an editor or `echo` puts
 * at its end. Read as a stream, not checked as a regular file: a pipe
 * (`--passphrase-file <(pass show coach)`) is the safest way to give one.
 */
export function readPassphraseFile(file: string, flag = CURRENT.flag): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot be read: ${fileErrorReason(error)}`);
  }
  const passphrase = text.replace(/\r?\n$/, "");
  if (passphrase === "") throw new UsageError(`${flag} ${file}: is empty; an empty passphrase is not accepted`);
  return passphrase;
}

/** Typed at a prompt that shows a mark per character, never the characters. */
export async function askPassphrase(message: string): Promise<string> {
  const { password } = await import("@inquirer/prompts");
  return password(
    {
      message,
      mask: true,
      // Never shown, not even on request: someone may be looking at the screen.
      toggleMask: false,
      validate: (value) => (value === "" ? "An empty passphrase is not accepted." : true),
    },
    { signal: stopping.signal },
  );
}
