import { makeContentCache } from "./cache.js";
import { loadContent } from "./load.js";

/** Run by the build: loads and validates the built-in YAML (failing the build if broken) and returns the cache. */
export const buildContentCache = (): string => makeContentCache(loadContent());
