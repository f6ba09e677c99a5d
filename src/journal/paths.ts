import { userInfo } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { CoachError } from "../errors.js";
import { io } from "../io.js";

const APP_NAME = "rejection-coach";

/** The home folder from the password database, or undefined when this user has none. */
function passwordHome(): string | undefined {
  try {
    return userInfo().homedir || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the journal lives: `--data DIR`, else REJECTION_COACH_HOME, else the
 * per-user config folder (the XDG one on Linux, as conf would choose it, without
 * its `-nodejs` suffix). Always an absolute path: a relative one would follow
 * the current folder and scatter the journal over several places.
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = io().env,
  systemHome: () => string | undefined = passwordHome,
): string {
  const home = (): string => homeFolder(env, systemHome);
  const chosen = flag ?? (env.REJECTION_COACH_HOME || undefined);
  if (chosen) return resolve(expandTilde(chosen, home));
  const absolute = (value: string | undefined): string | undefined => (value && isAbsolute(value) ? value : undefined);
  if (process.platform === "darwin") return join(home(), "Library", "Preferences", APP_NAME);
  if (process.platform === "win32") {
    return join(absolute(env.APPDATA) ?? join(home(), "AppData", "Roaming"), APP_NAME, "Config");
  }
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  return join(absolute(env.XDG_CONFIG_HOME) ?? join(home(), ".config"), APP_NAME);
}

/**
 * A quoted `~` reaches us unexpanded (`--data '~/journal'`, or `--data=~/x`,
 * which most shells leave alone); taken literally it would make a folder named
 * `~` in the current folder.
 */
function expandTilde(path: string, home: () => string): string {
  if (path === "~") return home();
  if (path.startsWith("~/") || (process.platform === "win32" && path.startsWith("~\\"))) {
    return join(home(), path.slice(2));
  }
  return path;
}

/**
 * HOME when it is an absolute path; an empty or relative HOME (a cron job, a
 * service, `env -i`) would put the journal under the current folder, so the
 * password database is asked instead.
 */
function homeFolder(env: NodeJS.ProcessEnv, systemHome: () => string | undefined): string {
  const fromEnv = process.platform === "win32" ? env.USERPROFILE : env.HOME;
  if (fromEnv && isAbsolute(fromEnv)) return fromEnv;
  const fromSystem = systemHome();
  if (fromSystem && isAbsolute(fromSystem)) return fromSystem;
  throw new CoachError(
    "cannot tell where your home folder is (HOME is empty or not set, and the system has none for this user); set REJECTION_COACH_HOME or pass --data DIR",
  );
}

/** A path a person typed at a prompt, where no shell expands `~`: absolute, `~` as their home folder. */
export function typedPath(path: string, env: NodeJS.ProcessEnv = io().env): string {
  return resolve(expandTilde(path.trim(), () => homeFolder(env, passwordHome)));
}
