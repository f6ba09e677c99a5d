import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LineCounter, parseDocument, visit, type Alias, type Document } from "yaml";
import type { z } from "zod";
import { ContentError } from "../errors.js";
import { NotRegularFileError } from "../journal/atomic-file.js";
import { FileTooLargeError, readRegularFile } from "../journal/read-file.js";
import { builtInContentDir } from "./paths.js";
import {
  feedbackThemesFileSchema,
  readingFileSchema,
  reflectionFileSchema,
  reflectionOverrideSchema,
  strategiesFileSchema,
  templateSchema,
  TEMPLATE_KINDS,
  type Content,
  type FeedbackTheme,
  type ReadingCues,
  type ReflectionContent,
  type Strategy,
  type Template,
  type TemplateKind,
  type Trap,
  type TrapOverride,
} from "./schema.js";

/**
 * Content files are a few kilobytes of hand-written YAML; a file past this is
 * not content, and reading it whole (or parsing it) would only cost memory.
 */
export const MAX_CONTENT_BYTES = 2 * 1024 * 1024;

/**
 * How many times aliases may reuse anchored YAML (the yaml library's own guard,
 * set here so a change of its default cannot open the door to a "billion
 * laughs" file whose few lines expand into more than memory holds).
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * Loads and validates the built-in content, then merges a person's own folder
 * over it by id. Any problem is a ContentError naming file, line and field.
 */
export function loadContent(options: { userDir?: string; builtInDir?: string } = {}): Content {
  const base = readContentDir(options.builtInDir ?? builtInContentDir(), true);
  if (!options.userDir) return finish(base);
  if (!existsSync(options.userDir) || !statSync(options.userDir).isDirectory()) {
    throw new ContentError(`${options.userDir}: the content folder does not exist or is not a folder`);
  }
  const own = readContentDir(options.userDir, false);
  // The built-in folder was read with the full schemas, so every part is there.
  const reflection = base.reflection as ReflectionContent;
  return finish({
    strategies: mergeById(base.strategies ?? [], own.strategies ?? []),
    reflection: {
      prompts: { ...reflection.prompts, ...own.reflection?.prompts },
      steps: mergeById(reflection.steps, own.reflection?.steps ?? []),
      questions: mergeById(reflection.questions, own.reflection?.questions ?? []),
      traps: mergeTraps(reflection.traps, own.reflection?.traps ?? [], join(options.userDir, "reflection.yaml")),
    },
    templates: { ...base.templates, ...own.templates },
    feedbackThemes: mergeById(base.feedbackThemes ?? [], own.feedbackThemes ?? []),
    reading: addCues(base.reading!, own.reading),
  });
}

interface PartialContent {
  strategies?: Strategy[];
  reflection?: Partial<Omit<ReflectionContent, "traps">> & { traps?: TrapOverride[] };
  templates: Partial<Record<TemplateKind, Template>>;
  feedbackThemes?: FeedbackTheme[];
  reading?: ReadingCues;
}

function finish(content: PartialContent): Content {
  const strategyIds = new Set(content.strategies?.map((strategy) => strategy.id));
  for (const trap of content.reflection?.traps ?? []) {
    if (trap.strategy !== undefined && !strategyIds.has(trap.strategy)) {
      throw new ContentError(`content: trap '${trap.id}' names the strategy '${trap.strategy}', which does not exist`);
    }
  }
  for (const kind of TEMPLATE_KINDS) {
    if (!content.templates[kind]) throw new ContentError(`content: the ${kind} template is missing (templates/${kind}.yaml)`);
  }
  return content as Content;
}

function readContentDir(dir: string, required: boolean): PartialContent {
  const strategiesFile = join(dir, "strategies.yaml");
  const reflectionFile = join(dir, "reflection.yaml");
  const content: PartialContent = { templates: {} };
  if (required || existsSync(strategiesFile)) {
    content.strategies = readYaml(strategiesFile, strategiesFileSchema).strategies;
    ensureUniqueIds(strategiesFile, content.strategies, "strategy");
  }
  if (required || existsSync(reflectionFile)) {
    const reflection = readYaml(reflectionFile, required ? reflectionFileSchema : reflectionOverrideSchema);
    for (const key of ["steps", "questions", "traps"] as const) {
      ensureUniqueIds(reflectionFile, reflection[key] ?? [], key.replace(/s$/, ""));
    }
    content.reflection = reflection as PartialContent["reflection"];
  }
  const readingFile = join(dir, "reading.yaml");
  if (required || existsSync(readingFile)) content.reading = readYaml(readingFile, readingFileSchema);
  const themesFile = join(dir, "feedback-themes.yaml");
  if (required || existsSync(themesFile)) {
    content.feedbackThemes = readYaml(themesFile, feedbackThemesFileSchema).themes;
    ensureUniqueIds(themesFile, content.feedbackThemes, "theme");
  }
  const templatesDir = join(dir, "templates");
  if (existsSync(templatesDir)) {
    if (!statSync(templatesDir).isDirectory()) {
      throw new ContentError(`${shortPath(templatesDir)}: is not a folder (templates go in a folder of YAML files)`);
    }
    for (const name of readdirSync(templatesDir).filter((file) => /\.ya?ml$/.test(file)).sort()) {
      const template = readYaml(join(templatesDir, name), templateSchema);
      content.templates[template.id] = template;
    }
  }
  return content;
}

function ensureUniqueIds(file: string, items: { id: string }[], what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new ContentError(`${shortPath(file)}: ${what} '${item.id}' is defined twice`);
    seen.add(item.id);
  }
}

/** Later items replace earlier ones with the same id; new ones are added at the end. */
function mergeById<T extends { id: string }>(base: T[], overrides: T[]): T[] {
  const merged = new Map(base.map((item) => [item.id, item]));
  for (const item of overrides) merged.set(item.id, item);
  return [...merged.values()];
}

/**
 * A person's trap with a built-in id changes the fields it gives and adds its
 * cues to the built-in ones, so a cue of their own needs no copy of the rest.
 */
function mergeTraps(base: Trap[], own: TrapOverride[], file: string): Trap[] {
  const merged = new Map(base.map((trap) => [trap.id, trap]));
  for (const trap of own) {
    const known = merged.get(trap.id);
    if (known) {
      merged.set(trap.id, { ...known, ...trap, cues: [...known.cues, ...(trap.cues ?? [])] });
      continue;
    }
    const missing = (["name", "description", "example", "question"] as const).filter((key) => trap[key] === undefined);
    if (missing.length > 0) {
      throw new ContentError(
        `${shortPath(file)}: trap '${trap.id}' is not a built-in trap, so it needs ${missing.join(", ")} as well`,
      );
    }
    merged.set(trap.id, { ...trap, cues: trap.cues ?? [] } as Trap);
  }
  return [...merged.values()];
}

/** A person's reading cues add to the built-in ones. */
function addCues(base: ReadingCues, own: ReadingCues | undefined): ReadingCues {
  if (!own) return base;
  const add = <K extends string>(into: Partial<Record<K, string[]>>, more: Partial<Record<K, string[]>>) => {
    const sum: Partial<Record<K, string[]>> = { ...into };
    for (const [key, cues] of Object.entries(more) as [K, string[]][]) sum[key] = [...(into[key] ?? []), ...cues];
    return sum;
  };
  return {
    stages: add(base.stages, own.stages),
    endings: add(base.endings, own.endings),
    reasons: add(base.reasons, own.reasons),
  };
}

function readYaml<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let source: string;
  try {
    source = readRegularFile(file, MAX_CONTENT_BYTES).toString("utf8");
  } catch (error) {
    throw new ContentError(`${shortPath(file)}: ${unreadable(error)}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const at = syntaxError.linePos?.[0];
    const where = at ? `:${at.line}:${at.col}` : "";
    // yaml repeats the position at the end of its message; we already lead with it.
    const message = firstLine(syntaxError.message).replace(/ at line \d+, column \d+:?$/, "");
    throw new ContentError(`${shortPath(file)}${where}: invalid YAML: ${message}`);
  }
  const result = schema.safeParse(toPlainData(doc, file, lines));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ContentError(`${shortPath(file)}${lineOf(doc, lines, issue.path)}: ${describeIssue(doc, issue)}`);
}

function unreadable(error: unknown): string {
  if (error instanceof NotRegularFileError) return `is ${error.kind}, not a regular file; content must be plain YAML files`;
  if (error instanceof FileTooLargeError) {
    return `is larger than ${MAX_CONTENT_BYTES / 1024 / 1024} MB; content files are small YAML files, so it is not one`;
  }
  return `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`;
}

/**
 * The document as plain data, with aliases limited. The yaml library throws a
 * bare ReferenceError for a bad alias, without a position: each alias notes
 * itself on the way out of a failure so the message can point at it.
 */
function toPlainData(doc: Document, file: string, lines: LineCounter): unknown {
  let failedAt: Alias | undefined;
  visit(doc, {
    Alias(_key, alias) {
      const resolve = alias.toJSON.bind(alias);
      alias.toJSON = (...args) => {
        try {
          return resolve(...args);
        } catch (error) {
          failedAt ??= alias;
          throw error;
        }
      };
    },
  });
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const offset = failedAt?.range?.[0];
    const at = offset === undefined ? undefined : lines.linePos(offset);
    const where = at ? `:${at.line}:${at.col}` : "";
    const name = failedAt ? `*${failedAt.source}` : "an alias";
    const problem = /excessive alias count/i.test(error.message)
      ? `${name} repeats anchored content too often (more than ${MAX_ALIAS_COUNT} uses in all); write the content out instead`
      : /unresolved alias/i.test(error.message)
        ? `${name} has no anchor &${failedAt?.source ?? ""} before it`
        : firstLine(error.message);
    throw new ContentError(`${shortPath(file)}${where}: invalid YAML: ${problem}`);
  }
}

/** The line of the deepest node on the path that exists (a missing field points at its parent). */
function lineOf(doc: Document, lines: LineCounter, path: PropertyKey[]): string {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (offset !== undefined) {
      const { line, col } = lines.linePos(offset);
      return `:${line}:${col}`;
    }
  }
  return "";
}

/** "strategy 'feel-it': field 'try' needs 2 to 4 actions" */
function describeIssue(doc: Document, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  const listIndex = path.findIndex((part) => typeof part === "number");
  let subject = "";
  let fieldPath = path;
  if (listIndex > 0) {
    const list = String(path[listIndex - 1]);
    const id = doc.getIn([...path.slice(0, listIndex + 1), "id"]);
    const noun = list.replace(/ies$/, "y").replace(/s$/, "");
    subject = typeof id === "string" ? `${noun} '${id}': ` : `${noun} #${Number(path[listIndex]) + 1}: `;
    fieldPath = path.slice(listIndex + 1);
  }
  const field = fieldPath.length ? `field '${fieldPath.join(".")}'` : "entry";
  const unknownKeys = issue.code === "unrecognized_keys" ? ` (${issue.keys.join(", ")})` : "";
  return `${subject}${field} ${issue.message.replace(/^Invalid input: /, "")}${unknownKeys}`;
}

const firstLine = (text: string): string => text.split("\n")[0]!;

/** Paths inside the working folder are shown relative; others in full. */
function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
