// Used by bin/ in a clone: rebuilds dist/ when it is missing or older than any
// file it is built from, so a `git pull` never runs yesterday's build.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = ["src", "content", "scripts/build.mjs", "scripts/third-party-notices.mjs", "package.json"];

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return stat?.mtimeMs ?? 0;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true })) {
    newest = Math.max(newest, statSync(join(path, entry)).mtimeMs);
  }
  return newest;
}

export function buildIfStale() {
  const built = statSync(join(ROOT, "dist", "main.js"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...SOURCES.map((path) => newestChange(join(ROOT, path))));
  if (built > sources) return;
  process.stderr.write("rejection-coach: building from source (once after each change)...\n");
  const result = spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    process.stderr.write("rejection-coach: the build failed; run 'npm install' and 'npm run build' to see why\n");
    process.exit(1);
  }
}
