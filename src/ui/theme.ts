import chalk from "chalk";
import { symbols } from "./symbols.js";
import { io } from "../io.js";

/**
 * chalk 5 honours FORCE_COLOR and --no-color but not NO_COLOR (no-color.org):
 * called once at start-up, before anything is printed.
 */
export function applyColorPreference(env: NodeJS.ProcessEnv = io().env, argv: string[] = process.argv): void {
  if ((env.NO_COLOR !== undefined && env.NO_COLOR !== "") || argv.includes("--no-color")) {
    chalk.level = 0;
    // The prompts colour themselves and read only NO_COLOR.
    env.NO_COLOR = "1";
  }
}

/** The few styles the tool uses, so the look stays consistent and calm. */
export const theme = {
  heading: (text: string) => chalk.bold(text),
  title: (text: string) => chalk.bold.cyan(text),
  muted: (text: string) => chalk.dim(text),
  accent: (text: string) => chalk.cyan(text),
  good: (text: string) => chalk.green(text),
  warn: (text: string) => chalk.yellow(text),
  error: (text: string) => chalk.red(text),
  id: (text: string) => chalk.magenta(text),
  /** The mark before a line that confirms something was done or saved. */
  tick: () => chalk.green(symbols().tick),
  phase: {
    feel: (text: string) => chalk.magenta(text),
    learn: (text: string) => chalk.blue(text),
    reframe: (text: string) => chalk.yellow(text),
    act: (text: string) => chalk.green(text),
  },
};
