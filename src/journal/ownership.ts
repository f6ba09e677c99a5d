import { chownSync, statSync, type Stats } from "node:fs";
import { dirname, relative, sep } from "node:path";

/** Who new files in a data folder should belong to: its owner (root saving for a person keeps them theirs). */
export function folderOwner(dir: string): { uid: number; gid: number } | undefined {
  try {
    const { uid, gid } = statSync(dir);
    return { uid, gid };
  } catch {
    return undefined;
  }
}

export /**
 * Folders root creates for someone (`sudo` keeping HOME) are given to the owner
 * of the folder they were made in, so the person can still save afterwards.
 */
function giveToParentOwner(firstCreated: string, dir: string): void {
  if (process.getuid?.() !== 0) return;
  let owner: Stats;
  try {
    owner = statSync(dirname(firstCreated));
  } catch {
    return;
  }
  if (owner.uid === 0) return;
  const parts = relative(dirname(firstCreated), dir).split(sep);
  let path = dirname(firstCreated);
  for (const part of parts) {
    path = `${path}${sep}${part}`;
    try {
      chownSync(path, owner.uid, owner.gid);
    } catch {
      // a folder that cannot be given away stays root's; saving as the person then says so
    }
  }
}
