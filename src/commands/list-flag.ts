import { InvalidArgumentError } from "commander";
import { spelledId, storedId } from "../journal/vocabulary.js";

/**
 * The one parser for flags that take several values: repeated
 * (`--tag remote --tag design`), comma-separated (`--tag remote,design`) or
 * both. Items are trimmed and empty ones dropped; with a vocabulary, each item
 * must be one of its words, in either spelling, and is kept as the stored id.
 */
export function listFlag<T extends string>(allowed?: readonly T[]) {
  return (value: string, previous: T[] = []): T[] => {
    const items = value
      .split(",")
      .map((item) => (allowed ? storedId(item.trim()) : item.trim()))
      .filter(Boolean);
    for (const item of items) {
      if (allowed && !allowed.includes(item as T)) {
        throw new InvalidArgumentError(`Allowed choices are ${allowed.map(spelledId).join(", ")}.`);
      }
    }
    return [...previous, ...(items as T[])];
  };
}
