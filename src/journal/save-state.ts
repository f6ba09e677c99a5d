import { runState } from "../io.js";

/**
 * Whether this run has written the journal. Once it has, stopping (Ctrl+C,
 * a signal) or failing to print must not tell the person that nothing was
 * saved: running the command again would add the same entry twice.
 */
export const wasSaved = (): boolean => runState().saved;

/** Called by the store right after a write of the journal has landed on disk. */
export function markSaved(): void {
  runState().saved = true;
}

/** Whether this run read an encrypted journal: nothing of it may go to a disk in plain text unsaid. */
export const journalWasEncrypted = (): boolean => runState().encrypted;

/** Called by the store when the journal it read was encrypted. */
export function markEncrypted(): void {
  runState().encrypted = true;
}
