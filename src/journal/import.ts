import { isDeepStrictEqual } from "node:util";
import { parseDocument as parseYamlDocument } from "yaml";
import { CoachError } from "../errors.js";
import type { Entry, Journal } from "./entry.js";
import { entrySchema } from "./entry-schema.js";
import { EXPORT_VERSION } from "./export-version.js";
import { describeDuplicateKey, duplicateKeyIn } from "./json-keys.js";
import { plainIssue, valueAt } from "./plain-issue.js";

/** Larger than any real journal by far; a bigger file is a mistake, not a journal. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file that cannot be imported; the message says what and where. Exit 1. */
export class ImportError extends CoachError {}

/** Something odd in an import that does not stop it (a YAML tag this build does not know), on one line. */
export type ImportWarning = (message: string) => void;

/** The first line of a YAML problem: the lines after it quote the source, control characters and all. */
const firstLine = (message: string): string => message.split("\n")[0]!.replace(/:\s*$/, "");

/** Reads an export as JSON (it starts with `{`) or else as YAML. */
function parseDocument(text: string, source: string, warn: ImportWarning): unknown {
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) throw new ImportError(`${source}: is empty; expected a rejection-coach export (JSON or YAML)`);
  if (/^\s*[{[]/.test(body)) {
    let document: unknown;
    try {
      document = JSON.parse(body);
    } catch (error) {
      throw new ImportError(`${source}: is not valid JSON (${(error as Error).message})`);
    }
    // JSON.parse keeps the last of two equal keys: `"entries": [...], "entries": []` would import nothing, silently.
    const duplicate = duplicateKeyIn(body);
    if (duplicate) throw new ImportError(`${source}: ${describeDuplicateKey(duplicate)}; nothing was imported`);
    return document;
  }
  // Parsed as a document rather than with parse(), which hands warnings to
  // process.emitWarning: printed raw, with Node's own prefix, quoting the source.
  const document = parseYamlDocument(body, { prettyErrors: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) throw new ImportError(`${source}: is neither JSON nor valid YAML (${firstLine(error.message)})`);
  for (const warning of document.warnings) warn(`${source}: ${firstLine(warning.message)}`);
  try {
    return document.toJS();
  } catch (error) {
    throw new ImportError(`${source}: is neither JSON nor valid YAML (${firstLine((error as Error).message)})`);
  }
}

/** `line 7: key "mood" is given twice in entry #2 (at entries[1])` */

/**
 * Every entry of an export, checked against the journal's schema before
 * anything is written: the first problem names the entry (position and id) and
 * the field. Ids used twice in the file are an error too, entry ids and
 * next-step ids alike (`next done ID` must never find two steps).
 */
export function parseExport(text: string, source = "the import", warn: ImportWarning = () => {}): Entry[] {
  const document = parseDocument(text, source, warn);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new ImportError(`${source}: is not a rejection-coach export (expected { "version": 1, "entries": [...] })`);
  }
  const { version, entries } = document as { version?: unknown; entries?: unknown };
  if (version === undefined) throw new ImportError(`${source}: has no \`version\` field (expected ${EXPORT_VERSION})`);
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new ImportError(`${source}: field \`version\` must be a whole number (this build reads ${EXPORT_VERSION})`);
  }
  if (version > EXPORT_VERSION) {
    throw new ImportError(
      `${source}: was exported by a newer rejection-coach (version ${version}; this one reads ${EXPORT_VERSION}); upgrade rejection-coach`,
    );
  }
  if (!Array.isArray(entries)) throw new ImportError(`${source}: field \`entries\` must be a list of entries`);

  const firstIndex = new Map<string, number>();
  const actionOwner = new Map<string, number>();
  return entries.map((candidate: unknown, index) => {
    const id = (candidate as { id?: unknown } | null)?.id;
    const where = `entry #${index + 1}${typeof id === "string" ? ` (id ${JSON.stringify(id)})` : ""}`;
    const result = entrySchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.join(".") || "(the entry itself)";
      const reason = plainIssue(issue, valueAt(candidate, issue.path));
      throw new ImportError(`${source}: ${where}: field \`${field}\` ${reason}; nothing was imported`);
    }
    const seen = firstIndex.get(result.data.id);
    if (seen !== undefined) {
      throw new ImportError(
        `${source}: ${where}: the id is already used by entry #${seen + 1} in the same file; nothing was imported`,
      );
    }
    firstIndex.set(result.data.id, index);
    for (const action of result.data.actions) {
      const owner = actionOwner.get(action.id);
      if (owner !== undefined) {
        const other = owner === index ? "is used twice in this entry" : `is already used by entry #${owner + 1}`;
        throw new ImportError(
          `${source}: ${where}: next step id ${JSON.stringify(action.id)} ${other}; nothing was imported`,
        );
      }
      actionOwner.set(action.id, index);
    }
    return result.data;
  });
}

export type Preference = "mine" | "theirs";

/** What an import does to a journal, worked out before anything changes. */
export interface ImportPlan {
  /** New ids: added. */
  added: Entry[];
  /** The same entry is already there: nothing to do. */
  skipped: Entry[];
  /** Same id, different content: kept as mine, or replaced when the preference is theirs. */
  conflicts: { mine: Entry; theirs: Entry }[];
  prefer: Preference;
}

/** Compares as stored: key order and absent-versus-undefined do not make two entries differ. */
const sameEntry = (a: Entry, b: Entry): boolean =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

/**
 * What importing `incoming` would do. Refuses (ImportError, nothing planned) a
 * next step whose id another entry of the journal already uses.
 */
export function planImport(
  journal: Journal,
  incoming: readonly Entry[],
  prefer: Preference = "mine",
  source = "the import",
): ImportPlan {
  const byId = new Map(journal.entries.map((entry) => [entry.id, entry]));
  const plan: ImportPlan = { added: [], skipped: [], conflicts: [], prefer };
  for (const theirs of incoming) {
    const mine = byId.get(theirs.id);
    if (!mine) plan.added.push(theirs);
    else if (sameEntry(mine, theirs)) plan.skipped.push(theirs);
    else plan.conflicts.push({ mine, theirs });
  }
  ensureUniqueActionIds(journal, plan, incoming, source);
  return plan;
}

/**
 * `next done ID` finds a step by its id across the whole journal, so an entry
 * that comes in must not bring a step id that another entry already has. Such
 * a file is refused rather than renumbered: a new id would make the same file
 * differ from the journal on every later import, and the refusal says which
 * id to change.
 */
function ensureUniqueActionIds(journal: Journal, plan: ImportPlan, incoming: readonly Entry[], source: string): void {
  const arriving = [...plan.added, ...(plan.prefer === "theirs" ? plan.conflicts.map(({ theirs }) => theirs) : [])];
  if (!arriving.some((entry) => entry.actions.length > 0)) return;
  const leaving = new Set(arriving.map((entry) => entry.id));
  const owner = new Map<string, string>();
  for (const entry of journal.entries) {
    if (leaving.has(entry.id)) continue;
    for (const action of entry.actions) owner.set(action.id, entry.id);
  }
  for (const entry of arriving) {
    for (const action of entry.actions) {
      const other = owner.get(action.id);
      if (other === undefined) continue;
      const where = `entry #${incoming.indexOf(entry) + 1} (id ${JSON.stringify(entry.id)})`;
      throw new ImportError(
        `${source}: ${where}: next step id ${JSON.stringify(action.id)} is already used by entry ${other} in your journal; give the step another id in the file; nothing was imported`,
      );
    }
  }
}

/** Whether carrying out the plan would change the journal at all. */
export const changesJournal = (plan: ImportPlan): boolean =>
  plan.added.length > 0 || (plan.prefer === "theirs" && plan.conflicts.length > 0);

/** Carries out a plan on a journal (inside JournalStore.update). */
export function applyImport(journal: Journal, plan: ImportPlan): void {
  if (plan.prefer === "theirs") {
    const replacement = new Map(plan.conflicts.map(({ theirs }) => [theirs.id, theirs]));
    journal.entries = journal.entries.map((entry) => replacement.get(entry.id) ?? entry);
  }
  journal.entries.push(...plan.added);
}
