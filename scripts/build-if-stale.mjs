// Used by bin/ in a clone: rebuilds dist/ when it is missing or older than any
// file it is built from, so a `git pull` never runs yesterday's build. Several
// commands started at once take turns: one builds, the others wait for it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = ["src", "content", "scripts/build.mjs", "scripts/third-party-notices.mjs", "package.json"];
/** Held (a folder, created atomically) while one process builds. */
const LOCK = join(ROOT, "dist.building");
/** A build left by a process that died is not waited for longer than this. */
const LOCK_LIMIT_MS = 5 * 60_000;

const mtimeOf = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return stat?.mtimeMs ?? 0;
  let newest = stat.mtimeMs;
  // A file can vanish between listing and stat (an editor's temporary copy).
  for (const entry of readdirSync(path, { recursive: true })) newest = Math.max(newest, mtimeOf(join(path, entry)));
  return newest;
}

/** The build's last file is older than a source, or missing. */
const isStale = () =>
  mtimeOf(join(ROOT, "dist", ".built")) <= Math.max(...SOURCES.map((path) => newestChange(join(ROOT, path))));

function takeLock() {
  try {
    mkdirSync(LOCK);
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    if (Date.now() - mtimeOf(LOCK) > LOCK_LIMIT_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function buildIfStale() {
  while (isStale()) {
    if (!takeLock()) {
      // Another command is building: wait for it, then look again.
      pause(100);
      continue;
    }
    let built;
    try {
      if (!isStale()) return;
      process.stderr.write("rejection-coach: building from source (once after each change)...\n");
      const build = [join(ROOT, "scripts", "build.mjs"), "--keep"];
      built = spawnSync(process.execPath, build, { stdio: ["ignore", 2, 2] }).status === 0;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
    if (!built) {
      process.stderr.write("rejection-coach: the build failed; run 'npm install' and 'npm run build' to see why\n");
      process.exit(1);
    }
    return;
  }
}
