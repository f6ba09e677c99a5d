import chalk from "chalk";
import { io, runState } from "../io.js";

/**
 * Plain mode: questions asked one line at a time with numbered choices, no
 * colour, no redraws. On for a terminal that says it cannot move the cursor
 * (TERM=dumb), or when the person asks for it (`--plain`, the `plain` setting).
 */
export const plainMode = (env: NodeJS.ProcessEnv = io().env): boolean => runState().plain || env.TERM === "dumb";

/** Called before the command runs, when the person asked for plain mode. */
export function choosePlainMode(): void {
  runState().plain = true;
  chalk.level = 0;
}

/** A `plain` setting that turns plain mode on: yes, true, on or 1. */
export const plainSettingOn = (value: string | undefined): boolean =>
  value !== undefined && ["yes", "true", "on", "1"].includes(value.trim().toLowerCase());
