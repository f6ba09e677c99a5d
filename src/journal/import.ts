import { isDeepStrictEqual } from "node:util";
import { parseDocument as parseYamlDocument } from "yaml";
import { CoachError } from "../errors.js";
import { entrySchema, type Entry, type Journal } from "./entry.js";

/** The export schema version this build reads (see src/export/json.ts). */
export const IMPORT_VERSION = 1;

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
    try {
      return JSON.parse(body);
    } catch (error) {
      throw new ImportError(`${source}: is not valid JSON (${(error as Error).message})`);
    }
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

/**
 * Every entry of an export, checked against the journal's schema before
 * anything is written: the first problem names the entry (position and id) and
 * the field. Ids used twice in the file are an error too.
 */
export function parseExport(text: string, source = "the import", warn: ImportWarning = () => {}): Entry[] {
  const document = parseDocument(text, source, warn);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new ImportError(`${source}: is not a rejection-coach export (expected { "version": 1, "entries": [...] })`);
  }
  const { version, entries } = document as { version?: unknown; entries?: unknown };
  if (version === undefined) throw new ImportError(`${source}: has no \`version\` field (expected ${IMPORT_VERSION})`);
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new ImportError(`${source}: field \`version\` must be a whole number (this build reads ${IMPORT_VERSION})`);
  }
  if (version > IMPORT_VERSION) {
    throw new ImportError(
      `${source}: was exported by a newer rejection-coach (version ${version}; this one reads ${IMPORT_VERSION}); upgrade rejection-coach`,
    );
  }
  if (!Array.isArray(entries)) throw new ImportError(`${source}: field \`entries\` must be a list of entries`);

  const firstIndex = new Map<string, number>();
  return entries.map((candidate: unknown, index) => {
    const id = (candidate as { id?: unknown } | null)?.id;
    const where = `entry #${index + 1}${typeof id === "string" ? ` (id ${JSON.stringify(id)})` : ""}`;
    const result = entrySchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.join(".") || "(the entry itself)";
      throw new ImportError(`${source}: ${where}: field \`${field}\` ${issue.message}; nothing was imported`);
    }
    const seen = firstIndex.get(result.data.id);
    if (seen !== undefined) {
      throw new ImportError(
        `${source}: ${where}: the id is already used by entry #${seen + 1} in the same file; nothing was imported`,
      );
    }
    firstIndex.set(result.data.id, index);
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

export function planImport(journal: Journal, incoming: readonly Entry[], prefer: Preference = "mine"): ImportPlan {
  const byId = new Map(journal.entries.map((entry) => [entry.id, entry]));
  const plan: ImportPlan = { added: [], skipped: [], conflicts: [], prefer };
  for (const theirs of incoming) {
    const mine = byId.get(theirs.id);
    if (!mine) plan.added.push(theirs);
    else if (sameEntry(mine, theirs)) plan.skipped.push(theirs);
    else plan.conflicts.push({ mine, theirs });
  }
  return plan;
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
