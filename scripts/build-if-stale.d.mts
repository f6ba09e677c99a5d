/** Rebuilds dist/ when it is missing or older than any file it is built from. */
export function buildIfStale(): void;
