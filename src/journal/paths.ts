import { join, resolve } from "node:path";
import envPaths from "env-paths";

export const APP_NAME = "rejection-coach";
export const JOURNAL_FILE_NAME = "journal.json";

/**
 * Where the journal lives: `--data DIR`, else REJECTION_COACH_HOME, else the
 * XDG config folder that conf itself would choose (without its `-nodejs` suffix).
 */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? (env.REJECTION_COACH_HOME || undefined);
  return chosen ? resolve(chosen) : envPaths(APP_NAME, { suffix: "" }).config;
}

export const journalPath = (dataDir: string): string => join(dataDir, JOURNAL_FILE_NAME);
