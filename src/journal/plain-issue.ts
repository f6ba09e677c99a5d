import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** A value from the file as a person would recognise it, kept short. */
function shown(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "string")
    return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}...` : JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  return String(value);
}

const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a group of fields",
};

const oneOf = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(", ");

/**
 * What is wrong with one field, in plain words, after its name: `is 42; the
 * highest it can be is 10`. The schema's own messages (dates, ids) are already
 * plain; the validation library's generic ones are not.
 */
export function plainIssue(issue: Issue, value: unknown): string {
  const is = `is ${shown(value)}`;
  switch (issue.code) {
    case "invalid_type":
      return value === undefined ? "is missing" : `${is}; it should be ${KINDS[issue.expected] ?? issue.expected}`;
    case "too_big":
      return issue.origin === "number"
        ? `${is}; the highest it can be is ${String(issue.maximum)}`
        : `${is}; it is too long`;
    case "too_small":
      if (issue.origin === "number") return `${is}; the lowest it can be is ${String(issue.minimum)}`;
      return issue.origin === "string" ? "is empty" : `${is}; it is too short`;
    case "invalid_value":
      return `${is}, which is not one of ${oneOf(issue.values)}`;
    case "invalid_union": {
      // A discriminated union (the entry's `kind`) lists the values it knows.
      const { options } = issue as { options?: unknown };
      return Array.isArray(options)
        ? `${is}, which is not one of ${oneOf(options)}`
        : `${is}; it does not have the shape this field needs`;
    }
    default:
      // The schema's own refinements ("must be a real calendar day ...") are plain already; the library's are not.
      return issue.message.startsWith("must ") ? issue.message : `${is}; it is not valid here`;
  }
}

/** The value at a path inside a parsed JSON value, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
