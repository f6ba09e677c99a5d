// Preloaded with `node --import` by the signal tests: an fsync of a temporary
// copy of the journal (journal.json.tmp-*) waits while the file named by
// HOLD_FSYNC_WHILE exists. The test can then act (send a signal) at a moment
// when a write is certainly under way, and let it go on when it chooses,
// without guessing how long the write takes.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const marker = process.env.HOLD_FSYNC_WHILE;
const realFsync = fs.fsyncSync;
const pause = new Int32Array(new SharedArrayBuffer(4));

function writesJournalCopy(fd) {
  try {
    return /\/journal\.json\.tmp-[^/]*$/.test(fs.readlinkSync(`/proc/self/fd/${fd}`));
  } catch {
    return false;
  }
}

fs.fsyncSync = function heldFsync(fd) {
  if (marker && writesJournalCopy(fd)) {
    // Blocks the whole process, as a slow disk would: no timer or signal handler runs meanwhile.
    while (fs.existsSync(marker)) Atomics.wait(pause, 0, 0, 20);
  }
  return realFsync(fd);
};
syncBuiltinESMExports();
