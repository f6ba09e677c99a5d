import { randomBytes } from "node:crypto";

/** A short random id (8 hex digits), unlike any in `taken`. */
export function newId(taken: ReadonlySet<string> | { has(id: string): boolean } = new Set()): string {
  for (;;) {
    const id = randomBytes(4).toString("hex");
    if (!taken.has(id)) return id;
  }
}
