/**
 * Preloaded (node --import) into a CLI process to make every fsync take
 * SLOW_FSYNC_MS milliseconds: a slow or sleeping disk, without needing one.
 * The thread really blocks (Atomics.wait), so no timer of the process can run,
 * which is what a busy writer looks like to the others.
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const ms = Number(process.env.SLOW_FSYNC_MS ?? 7000);
const cell = new Int32Array(new SharedArrayBuffer(4));
const fsync = fs.fsyncSync;
fs.fsyncSync = (fd) => {
  Atomics.wait(cell, 0, 0, ms);
  return fsync(fd);
};
syncBuiltinESMExports();
