import { DamagedJournalError, decryptJournal, WorkFactorError, WrongPassphraseError } from "./journal-cipher.js";

/**
 * What doctor learnt of an encrypted journal from the passphrase it was given,
 * for diagnose to report with everything else it finds.
 */
export type EncryptedReading =
  /** Decrypted: `bytes` are the journal inside the ciphertext `raw`. */
  | { state: "opened"; raw: Buffer; bytes: Buffer }
  | { state: "wrong-passphrase" }
  /** Damaged, tampered with, or asking for more work than is spent: no passphrase would open it here. */
  | { state: "unreadable"; problem: string }
  /** No passphrase was given, so its entries were not looked at. */
  | { state: "not-checked" };

/** Decrypts `raw` with `passphrase`, turning each way it can fail into a reading. */
export async function readEncrypted(raw: Buffer, passphrase: string | undefined): Promise<EncryptedReading> {
  if (passphrase === undefined) return { state: "not-checked" };
  try {
    const plain = await decryptJournal(raw, passphrase);
    return { state: "opened", raw, bytes: Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength) };
  } catch (error) {
    if (error instanceof WrongPassphraseError) return { state: "wrong-passphrase" };
    if (error instanceof DamagedJournalError || error instanceof WorkFactorError) {
      return { state: "unreadable", problem: error.message };
    }
    throw error;
  }
}
