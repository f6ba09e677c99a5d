import { realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The real path of `path`, following symlinks as far as they exist (a missing tail is kept as written). */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathOf(parent), basename(path));
  }
}
