// Preloaded with `node --import` by the crash tests: counts the file-system
// steps a process takes in the data folder KILL_STEP_DIR (opening, writing,
// flushing, closing, renaming, linking, removing a file there) and, when
// KILL_AT_STEP is N, kills itself with SIGKILL just before the Nth step. Each
// step is appended to KILL_STEP_TRACE when set, so a test can first list the
// steps of a command and then kill it before each of them in turn: every point
// of a write, chosen by number, never by timing.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { basename, resolve } from "node:path";

const dir = process.env.KILL_STEP_DIR ? resolve(process.env.KILL_STEP_DIR) : undefined;
const killAt = Number(process.env.KILL_AT_STEP ?? 0);
const trace = process.env.KILL_STEP_TRACE;
const realReadlink = fs.readlinkSync;
const realAppend = fs.appendFileSync;
let steps = 0;
// A step made inside another (writeFileSync writing through writeSync) is part of it.
let depth = 0;

/** A file in the folder, or the folder itself (flushed after a rename). */
const inDir = (path) =>
  typeof path === "string" && dir !== undefined && (resolve(path) === dir || resolve(path).startsWith(`${dir}/`));
const fdPath = (fd) => {
  try {
    return realReadlink(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
};
/** The name without the pid and random part of a temporary copy, so traces of two runs compare. */
const label = (path) =>
  resolve(path) === dir
    ? "(the folder)"
    : basename(path)
        .replace(/\.tmp-\d+-[0-9a-f]+$/, ".tmp-*")
        .replace(/\.\d+-[0-9a-f]+$/, ".*");

function step(op, path) {
  if (depth > 0 || !inDir(path)) return;
  steps++;
  if (trace) realAppend(trace, `${steps} ${op} ${label(path)}\n`);
  if (steps === killAt) process.kill(process.pid, "SIGKILL");
}

function wrap(name, pathOf) {
  const real = fs[name];
  fs[name] = function (...args) {
    step(name, pathOf(args));
    depth++;
    try {
      return real.apply(this, args);
    } finally {
      depth--;
    }
  };
}

const first = (args) => (typeof args[0] === "number" ? fdPath(args[0]) : String(args[0]));
for (const name of ["openSync", "writeSync", "writeFileSync", "fsyncSync", "closeSync", "fchmodSync", "fchownSync"]) {
  wrap(name, first);
}
for (const name of ["rmSync", "unlinkSync", "rmdirSync", "mkdirSync"]) wrap(name, (args) => String(args[0]));
// A rename or link counts for its target: what the folder shows changes there.
for (const name of ["renameSync", "linkSync"]) wrap(name, (args) => String(args[1]));
syncBuiltinESMExports();
