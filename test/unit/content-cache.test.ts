import { appendFileSync, cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeContentCache, readContentCache } from "../../src/content/cache.js";
import { loadContent } from "../../src/content/load.js";
import { builtInContentDir } from "../../src/content/paths.js";
import { removeDir, tempDir } from "../helpers/cli.js";

let dir: string;
let contentDir: string;
let cacheFile: string;
beforeEach(() => {
  dir = tempDir("rc-cache-");
  contentDir = join(dir, "content");
  cpSync(builtInContentDir(), contentDir, { recursive: true });
  cacheFile = join(dir, "content.json");
  writeFileSync(cacheFile, makeContentCache(loadContent({ builtInDir: contentDir }), contentDir));
});
afterEach(() => removeDir(dir));

describe("the built content cache", () => {
  it("gives the same content as loading the YAML", () => {
    expect(readContentCache(cacheFile, contentDir)).toEqual(loadContent({ builtInDir: contentDir }));
  });

  it("is ignored once a YAML file changes", () => {
    appendFileSync(join(contentDir, "strategies.yaml"), "\n# edited\n");
    expect(readContentCache(cacheFile, contentDir)).toBeUndefined();
  });

  it("is ignored once a YAML file is added", () => {
    writeFileSync(join(contentDir, "templates", "extra.yaml"), "id: request\n");
    expect(readContentCache(cacheFile, contentDir)).toBeUndefined();
  });

  it("is ignored when missing or unreadable", () => {
    writeFileSync(cacheFile, "{not json");
    expect(readContentCache(cacheFile, contentDir)).toBeUndefined();
    expect(readContentCache(join(dir, "none.json"), contentDir)).toBeUndefined();
  });
});
