import { readFileSync } from "node:fs";
import { UsageError } from "../errors.js";
import { stopping } from "../flows/prompt-stop.js";
import { fileErrorReason } from "../journal/file-errors.js";
import type { PassphraseProvider } from "../journal/store-cipher.js";
import { canPrompt } from "../ui/output.js";
import { io } from "../io.js";

/** Where a script puts the passphrase when it cannot type it. */
export const PASSPHRASE_ENV = "REJECTION_COACH_PASSPHRASE";

/** Said when nothing gave a passphrase and nobody is at a terminal to type it. */
export const HOW_TO_GIVE =
  `the journal is encrypted; give its passphrase with ${PASSPHRASE_ENV}=... or --passphrase-file FILE ` +
  "(it is never taken as an argument: other users can read those)";

/** One provider per run (its environment), so a command that opens the journal twice still asks once. */
const providers = new WeakMap<NodeJS.ProcessEnv, PassphraseProvider>();

/**
 * The passphrase of an encrypted journal, for one run: from `--passphrase-file`,
 * else REJECTION_COACH_PASSPHRASE, else typed at a hidden prompt on a terminal.
 *
 * The variable is taken out of the environment at once, whether or not the
 * journal turns out to be encrypted: an editor or any other program the run
 * starts must not inherit the passphrase. Nothing is asked until the store
 * finds an encrypted journal, so a plain one never asks.
 */
export function passphraseProvider(passphraseFile: string | undefined): PassphraseProvider {
  const env = io().env;
  const known = providers.get(env);
  if (known) return known;
  const fromEnv = env[PASSPHRASE_ENV];
  delete env[PASSPHRASE_ENV];
  let asked: Promise<string> | undefined;
  const provider = () => (asked ??= ask(passphraseFile, fromEnv));
  providers.set(env, provider);
  return provider;
}

async function ask(passphraseFile: string | undefined, fromEnv: string | undefined): Promise<string> {
  // The file is the more deliberate of the two: a shell may export the variable for every command.
  if (passphraseFile !== undefined) return readPassphraseFile(passphraseFile);
  if (fromEnv !== undefined) {
    if (fromEnv === "") throw new UsageError(`${PASSPHRASE_ENV} is empty; an empty passphrase is not accepted`);
    return fromEnv;
  }
  if (canPrompt()) return askPassphrase("Passphrase of the journal");
  throw new UsageError(HOW_TO_GIVE);
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
      validate: (value) => (value === "" ? "An empty passphrase is not accepted." : true),
    },
    { signal: stopping.signal },
  );
}
