/**
 * The journal's bytes ⇄ an age-encrypted file (age-encryption.org/v1) with a
 * passphrase, which the standard `age` tool opens too: `age -d journal.json`.
 *
 * The file is a binary age file with one scrypt stanza, written at log2 N =
 * DEFAULT_WORK_FACTOR; files asking for 1..MAX_READ_WORK_FACTOR are read (a file
 * made by `age -p` uses 18). Armored input (`age -a`) is read as well.
 *
 * The format, header MAC and payload are the `age-encryption` package's; the
 * passphrase key comes from node:crypto (scrypt-recipient.ts). Both are loaded
 * only when an encrypted journal is read or written: `journalKind` needs neither.
 *
 * Errors say which step failed, never what the passphrase was.
 */
import { CoachError } from "../errors.js";
import type { KeyCache } from "./scrypt-recipient.js";

/**
 * log2 N for new files: 2^16 costs about a fifth of a second here, a quarter of
 * age's own 18, so a command on an encrypted journal stays within a second.
 */
export const DEFAULT_WORK_FACTOR = 16;

/**
 * The highest log2 N a file may ask for: the `age-encryption` package's own
 * limit (age reads up to 22). 2^20 already takes 1 GiB of memory and seconds.
 */
export const MAX_READ_WORK_FACTOR = 20;

/** Every age v1 file starts with this line. */
const AGE_INTRO = "age-encryption.org/v1\n";
/** Any version of age's format starts with this: a later version is not a plain journal either. */
const AGE_PREFIX = "age-encryption.org/";
/** The first line of an armored age file (`age -a`). */
const ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";

export type JournalKind = "plain" | "age" | "armored-age";

/** The passphrase given was not the one the journal was encrypted with. */
export class WrongPassphraseError extends CoachError {
  /**
   * `changed`: the file is not the one rejection-coach last saved, and a damaged
   * salt fails exactly as a wrong passphrase does, so both are named.
   */
  constructor(changed = false) {
    super(
      changed ? "wrong passphrase, or the file was changed since rejection-coach last saved it" : "wrong passphrase",
    );
  }
}

/** Why an encrypted journal cannot be read; none of them is a wrong passphrase. */
export type DamageReason =
  /** Not an age file: the first line is not age's v1 intro. */
  | "not-age"
  /** The armor (`-----BEGIN AGE ENCRYPTED FILE-----`) is not valid. */
  | "armor"
  /** The header cannot be parsed, or its passphrase stanza is malformed. */
  | "header"
  /** The file is encrypted to a key, not to a passphrase. */
  | "not-passphrase"
  /** The passphrase was right, but the header MAC or the contents did not authenticate. */
  | "contents";

const DAMAGE_WORDS: Record<DamageReason, string> = {
  "not-age": "it is not an age-encrypted file (age-encryption.org/v1)",
  armor: "its armor (BEGIN AGE ENCRYPTED FILE) is not valid",
  header: "its header cannot be read",
  "not-passphrase": "it is encrypted to a key, not a passphrase; open it with `age -d -i KEY`",
  contents: "it was changed or damaged after it was written (it does not authenticate)",
};

/**
 * The encrypted journal cannot be opened, and a different passphrase would not
 * help. Whoever holds the file must leave it as it is.
 */
export class DamagedJournalError extends CoachError {
  constructor(
    readonly reason: DamageReason,
    detail?: string,
  ) {
    super(`the encrypted journal cannot be read: ${DAMAGE_WORDS[reason]}${detail ? ` (${detail})` : ""}`);
  }
}

/** The file asks for more scrypt work (time and memory) than this build will spend. */
export class WorkFactorError extends CoachError {
  constructor(readonly workFactor: number) {
    super(
      `the encrypted journal asks for scrypt work factor 2^${workFactor}; at most 2^${MAX_READ_WORK_FACTOR} is accepted. ` +
        "Decrypt it with `age -d` and encrypt it again here.",
    );
  }
}

/** An empty passphrase encrypts nothing worth the name; age refuses one too. */
export class EmptyPassphraseError extends CoachError {
  override readonly exitCode = 2;
  constructor() {
    super("the passphrase is empty");
  }
}

const startsWith = (bytes: Uint8Array, text: string): boolean =>
  bytes.length >= text.length && Buffer.from(bytes.buffer, bytes.byteOffset, text.length).toString("latin1") === text;

/**
 * What a journal file holds, from its first bytes: an age file, an armored age
 * file, or anything else (the plain JSON journal, or damage for its reader to report).
 */
export function journalKind(bytes: Uint8Array): JournalKind {
  if (startsWith(bytes, AGE_PREFIX)) return "age";
  // Armor may be preceded by whitespace (age and the package both allow it).
  let start = 0;
  while (start < bytes.length && start < 64 && /\s/.test(String.fromCharCode(bytes[start]!))) start++;
  if (startsWith(bytes.subarray(start), ARMOR_BEGIN)) return "armored-age";
  return "plain";
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length === 0) throw new EmptyPassphraseError();
}

function checkWorkFactor(workFactor: number): void {
  if (!Number.isInteger(workFactor) || workFactor < 1 || workFactor > MAX_READ_WORK_FACTOR) {
    throw new RangeError(`the scrypt work factor must be a whole number from 1 to ${MAX_READ_WORK_FACTOR}`);
  }
}

/** The package and the adapter, loaded the first time an encrypted journal is touched. */
async function loadAge() {
  const [age, adapter] = await Promise.all([import("age-encryption"), import("./scrypt-recipient.js")]);
  return { ...age, ...adapter };
}

/** An encryption whose key derivation is already running; it encrypts one journal, once. */
export interface PreparedEncryption {
  encrypt(plaintext: Uint8Array): Promise<Uint8Array>;
}

/**
 * Starts deriving the key for the next write now (a fresh salt), so a command
 * can overlap it with reading and decrypting the journal. The result encrypts
 * once: a salt and its key are never used for two files.
 */
export async function prepareEncryption(
  passphrase: string,
  options: { workFactor?: number } = {},
): Promise<PreparedEncryption> {
  checkPassphrase(passphrase);
  const workFactor = options.workFactor ?? DEFAULT_WORK_FACTOR;
  checkWorkFactor(workFactor);
  const { Encrypter, ScryptRecipient } = await loadAge();
  let recipient: InstanceType<typeof ScryptRecipient> | undefined = new ScryptRecipient(passphrase, workFactor);
  return {
    async encrypt(plaintext) {
      if (recipient === undefined) throw new Error("a prepared encryption encrypts one journal only");
      const encrypter = new Encrypter();
      encrypter.addRecipient(recipient);
      recipient = undefined;
      return encrypter.encrypt(plaintext);
    },
  };
}

/** The journal's bytes as a binary age file, for `passphrase`, at log2 N `workFactor` (default 16). */
export async function encryptJournal(
  plaintext: Uint8Array,
  passphrase: string,
  options: { workFactor?: number } = {},
): Promise<Uint8Array> {
  return (await prepareEncryption(passphrase, options)).encrypt(plaintext);
}

/**
 * The journal's bytes from an age file (binary or armored). Nothing is returned
 * until the whole file has authenticated, so no part of a damaged file escapes.
 *
 * @throws WrongPassphraseError, DamagedJournalError, WorkFactorError, EmptyPassphraseError
 */
export async function decryptJournal(
  bytes: Uint8Array,
  passphrase: string,
  options: { keys?: KeyCache } = {},
): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  const kind = journalKind(bytes);
  if (kind === "plain") throw new DamagedJournalError("not-age");
  const { Decrypter, ScryptIdentity, armor } = await loadAge();

  let binary = bytes;
  if (kind === "armored-age") {
    try {
      binary = armor.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
    } catch {
      throw new DamagedJournalError("armor");
    }
  }
  if (!startsWith(binary, AGE_INTRO)) throw new DamagedJournalError("not-age", "unknown version");

  const identity = new ScryptIdentity(passphrase, options.keys);
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(binary);
  } catch {
    // Which step failed decides what happened; the package's messages are not relied on.
    if (identity.unwrapped) throw new DamagedJournalError("contents");
    if (identity.unwrapFailed) throw new WrongPassphraseError();
    const problem = identity.problem;
    if (problem?.kind === "work-factor") throw new WorkFactorError(problem.logN);
    if (problem?.kind === "not-passphrase") throw new DamagedJournalError("not-passphrase");
    if (problem?.kind === "malformed") throw new DamagedJournalError("header", problem.detail);
    // The header never reached the identity: it could not be parsed.
    throw new DamagedJournalError("header");
  }
}
