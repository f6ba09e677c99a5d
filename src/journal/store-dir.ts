import { mkdirSync, statSync, type Stats } from "node:fs";
import { StoreError } from "../errors.js";
import { fileErrorReason } from "./file-errors.js";
import { giveToParentOwner } from "./ownership.js";

const DIR_MODE = 0o700;

/** The data folder is a folder, or not there yet: anything else is reported before a file in it is touched. */
export function checkDataDir(dir: string): void {
  let stats: Stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new StoreError(dir, `cannot be opened: ${fileErrorReason(error)}`);
  }
  if (!stats.isDirectory()) {
    throw new StoreError(dir, "the data path is a file, not a folder; choose another with --data");
  }
}

/**
 * Creates the data folder, private, if it does not exist. A folder that exists
 * is left as it is: it may be one the person chose and shares on purpose
 * (`doctor` says what others can do with it).
 */
export function prepareDataDir(dir: string): void {
  checkDataDir(dir);
  let created: string | undefined;
  try {
    created = mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  } catch (error) {
    throw new StoreError(dir, `cannot be created: ${fileErrorReason(error)}`);
  }
  if (created !== undefined) giveToParentOwner(created, dir);
}
