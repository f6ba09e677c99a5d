import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pidExists } from "./liveness.js";
import { storeFileKind, storeTempWriter } from "./store-files.js";

export interface Leftovers {
  abandoned: string[];
  inProgress: string[];
  backups: string[];
  setAside: string[];
}

/**
 * The store's temporary files, sorted by whether their writer still runs (the
 * pid is in the name), and the backups. Lock files being created or taken over
 * (`journal.json.lock.PID-TOKEN`) count as temporary files too.
 */
export function leftovers(dir: string): Leftovers {
  const result: Leftovers = { abandoned: [], inProgress: [], backups: [], setAside: [] };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return result;
  }
  for (const name of names) {
    const kind = storeFileKind(name);
    if (kind === "backup") result.backups.push(join(dir, name));
    if (kind === "set-aside") result.setAside.push(join(dir, name));
    if (kind !== "temp" && kind !== "lock-leftover") continue;
    const pid = storeTempWriter(name);
    (pid !== undefined && pidExists(pid) ? result.inProgress : result.abandoned).push(join(dir, name));
  }
  return result;
}
