/**
 * Whether this process has written the journal. Once it has, stopping (Ctrl+C,
 * a signal) or failing to print must not tell the person that nothing was
 * saved: running the command again would add the same entry twice.
 */
let saved = false;

/** Called by the store right after a write of the journal has landed on disk. */
export function markSaved(): void {
  saved = true;
}

export const wasSaved = (): boolean => saved;
