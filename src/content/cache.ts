import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Content } from "./schema.js";
import { builtInContentDir, contentCachePath } from "./paths.js";

/**
 * The built-in content, validated at build time and stored as JSON with a hash
 * of every YAML file it came from. Parsing YAML and loading the schemas costs
 * more than the rest of `tips` together, so commands use this copy while the
 * YAML is unchanged, and load the YAML again the moment any file differs.
 */
interface ContentCache {
  sources: Record<string, string>;
  content: Content;
}

/** Every YAML file under the content folder, by path relative to it, with its hash. */
function hashContentSources(dir = builtInContentDir()): Record<string, string> {
  const sources: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        sources[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
      }
    }
  };
  walk(dir);
  return sources;
}

export function makeContentCache(content: Content, dir = builtInContentDir()): string {
  const cache: ContentCache = { sources: hashContentSources(dir), content };
  return JSON.stringify(cache);
}

/** The cached content if it matches the YAML on disk now, else undefined. */
export function readContentCache(cacheFile = contentCachePath(), dir = builtInContentDir()): Content | undefined {
  let cache: ContentCache;
  try {
    cache = JSON.parse(readFileSync(cacheFile, "utf8")) as ContentCache;
  } catch {
    return undefined;
  }
  const current = hashContentSources(dir);
  const recorded = cache.sources ?? {};
  const same =
    Object.keys(current).length === Object.keys(recorded).length &&
    Object.entries(current).every(([file, hash]) => recorded[file] === hash);
  return same ? cache.content : undefined;
}
