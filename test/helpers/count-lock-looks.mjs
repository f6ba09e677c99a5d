/**
 * Preloaded (node --import) into a CLI process: each time it looks at the
 * journal's lock (lstat), a line is added to LOCK_LOOKS_FILE. A test can then
 * wait until a waiting writer has looked again, instead of sleeping.
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const file = process.env.LOCK_LOOKS_FILE;
const lstat = fs.lstatSync;
fs.lstatSync = (path, ...rest) => {
  const result = lstat(path, ...rest);
  if (file && String(path).endsWith("journal.json.lock")) fs.appendFileSync(file, "looked\n");
  return result;
};
syncBuiltinESMExports();
