import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ContentError } from "../errors.js";

/** The package's root folder, found from wherever this code runs (src, dist or a chunk of it). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "content", "strategies.yaml")) && existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new ContentError("cannot find the built-in content folder next to rejection-coach");
    dir = parent;
  }
}

/** The content folder shipped with the package. */
export const builtInContentDir = (): string => join(packageRoot(), "content");

/** Where the build keeps the validated built-in content as JSON. */
export const contentCachePath = (): string => join(packageRoot(), "dist", "content.json");
