import { readFileSync } from "node:fs";
import { CoachError, UsageError } from "../errors.js";
import { stopping } from "../flows/prompt-stop.js";
import { fileErrorReason } from "../journal/file-errors.js";
import type { PassphraseProvider } from "../journal/store-cipher.js";
import { canPrompt } from "../ui/output.js";
import { io } from "../io.js";

/** Where a script puts the passphrase when it cannot type it. */
export const PASSPHRASE_ENV = "REJECTION_COACH_PASSPHRASE";

/** Said when nothing gave a passphrase and nobody is at a terminal to type it. */
export const howToGive = (what: string): string =>
  `give ${what} with ${PASSPHRASE_ENV}=... or --passphrase-file FILE ` +
  "(never as an argument: other users can read those)";

/** What one run was given: the variable, taken once, and the provider built on it. */
interface RunSource {
  fromEnv: string | undefined;
  provider?: PassphraseProvider;
}

/** Per run (its environment), so a command that opens the journal twice still asks once. */
const runs = new WeakMap<NodeJS.ProcessEnv, RunSource>();

/**
 * This run's source. REJECTION_COACH_PASSPHRASE is taken out of the
 * environment the first time, whether or not the journal turns out to be
 * encrypted: an editor or any other program the run starts must not inherit it.
 */
export function runSource(): RunSource {
  const env = io().env;
  let run = runs.get(env);
  if (run === undefined) {
    run = { fromEnv: env[PASSPHRASE_ENV] };
    delete env[PASSPHRASE_ENV];
    runs.set(env, run);
  }
  return run;
}

/** The passphrase a script gave, if any. The file is the more deliberate: a shell may export the variable for every command. */
function scriptPassphrase(passphraseFile: string | undefined, fromEnv: string | undefined): string | undefined {
  if (passphraseFile !== undefined) return readPassphraseFile(passphraseFile);
  if (fromEnv === "") throw new UsageError(`${PASSPHRASE_ENV} is empty; an empty passphrase is not accepted`);
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
    const given = scriptPassphrase(passphraseFile, run.fromEnv);
    if (given !== undefined) return given;
    if (canPrompt()) return askPassphrase("Passphrase of the journal");
    throw new UsageError(`the journal is encrypted; ${howToGive("its passphrase")}`);
  };
  return (run.provider ??= () => (asked ??= ask()));
}

/**
 * A passphrase to encrypt with: from a script as above, else typed twice at a
 * terminal, since a mistyped one would lock the person out of their journal.
 */
export async function newPassphrase(passphraseFile: string | undefined): Promise<string> {
  const given = scriptPassphrase(passphraseFile, runSource().fromEnv);
  if (given !== undefined) return given;
  if (!canPrompt()) throw new UsageError(howToGive("the new passphrase"));
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
export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--passphrase-file ${file}: cannot be read: ${fileErrorReason(error)}`);
  }
  const passphrase = text.replace(/\r?\n$/, "");
  if (passphrase === "")
    throw new UsageError(`--passphrase-file ${file}: is empty; an empty passphrase is not accepted`);
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
