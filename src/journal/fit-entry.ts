import type { Entry } from "./entry.js";
import { entrySchema } from "./entry-schema.js";
import { plainIssue, valueAt } from "./plain-issue.js";

/** A field taken out of an entry so that the rest of it could be kept. */
export interface RemovedField {
  field: string;
  /** What was wrong with it, in plain words. */
  reason: string;
}

export type Fitted =
  | { entry: Entry; removed: RemovedField[] }
  /** It cannot be kept without making up an answer: what is wrong, in plain words. */
  | { problem: string };

/**
 * Lists of words from the vocabulary (or tags): one unknown word can go on its
 * own. An item of any other list (a check-in, a next step) is the person's
 * record and goes only with the whole entry set aside.
 */
const WORD_LISTS = new Set(["tags", "reasons", "emotions", "inControl", "outOfControl"]);

/** More than any entry has fields; a guard against a schema that never settles. */
const MAX_REMOVALS = 64;

/**
 * The entry with only its bad fields taken out, where the schema can do without
 * them (an optional field; a list with a default; one word of a word list). A
 * bad required field (a mood of 42, a missing company) is never replaced by a
 * made-up answer: the entry cannot be fitted and the problem is returned.
 */
export function fitEntry(value: unknown): Fitted {
  let current = structuredClone(value);
  const removed: RemovedField[] = [];
  for (let round = 0; round <= MAX_REMOVALS; round++) {
    const result = entrySchema.safeParse(current);
    if (result.success) return { entry: result.data, removed };
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join(".");
    const reason = plainIssue(issue, valueAt(current, issue.path));
    const next = issue.path.length > 0 ? without(current, issue.path) : undefined;
    // A word taken out of a list moves the next one into its place: only a field is checked again.
    const listItem = typeof issue.path.at(-1) === "number";
    if (next === undefined || (!listItem && stillWrongAt(next, issue.path))) {
      return { problem: field ? `field \`${field}\` ${reason}` : `is not an entry (${reason})` };
    }
    removed.push({ field, reason });
    current = next;
  }
  return { problem: "has too many fields that are wrong" };
}

/** A copy without the value at `path`, or undefined when that is not a thing that can go on its own. */
function without(root: unknown, path: readonly PropertyKey[]): unknown {
  const copy = structuredClone(root);
  const parent = valueAt(copy, path.slice(0, -1));
  const key = path.at(-1)!;
  if (Array.isArray(parent)) {
    const list = path.at(-2);
    if (typeof key !== "number" || typeof list !== "string" || !WORD_LISTS.has(list)) return undefined;
    parent.splice(key, 1);
    return copy;
  }
  if (typeof parent !== "object" || parent === null) return undefined;
  delete (parent as Record<PropertyKey, unknown>)[key];
  return copy;
}

/** Whether the schema still finds the field at `path` wrong once it is gone: it is required. */
function stillWrongAt(value: unknown, path: readonly PropertyKey[]): boolean {
  const result = entrySchema.safeParse(value);
  if (result.success) return false;
  const at = path.map(String).join(".");
  return result.error.issues.some((issue) => issue.path.map(String).join(".") === at);
}
