import type { Command } from "commander";
import type { NudgeOptions } from "../coach/nudge.js";
import type { Journal } from "../journal/entry.js";
import { io } from "../io.js";
import { say, terminalColumns } from "../ui/output.js";
import { theme } from "../ui/theme.js";
import { dataDirOf, settingsFileOf } from "./context.js";

/**
 * The commands a nudge may come with: those that show the journal, where a person
 * is looking around. Never before a question (log, reflect, win, edit, delete,
 * feedback: the person is telling their news or doing the work), nor with a
 * command doing a job (import, export, config, doctor), nor with tips and
 * thought, which do not read the journal and would have to read it for this.
 * `next` shows the steps itself, so its nudge leaves them out.
 */
const NUDGE_COMMANDS: Readonly<Record<string, NudgeOptions>> = {
  list: {},
  show: {},
  stats: {},
  next: { leaveOut: ["steps"] },
};

/**
 * What to do with the journal once the command has read it, when a nudge may be
 * shown on this run: compute it from that same journal (no second read, no
 * second passphrase for a journal that needs one), and show it at most once a
 * local day. Undefined when no nudge belongs here, so the read costs nothing more.
 */
export function nudgeOnRead(command: Command): ((journal: Journal) => Promise<void>) | undefined {
  // A subcommand (next done, next add) is doing a job.
  if (command.parent?.parent) return undefined;
  const options = NUDGE_COMMANDS[command.name()];
  if (!options || !personAtTerminal(command)) return undefined;
  let offered = false;
  return async (journal) => {
    if (offered) return;
    offered = true;
    try {
      await offer(command, journal, options);
    } catch {
      // A nudge is a courtesy: nothing about it may stand in the command's way.
    }
  };
}

/**
 * A person at a terminal, reading: stdin, stdout and stderr all terminals, no
 * --json, no calendar being written (--ics), not under CI. Plain mode is not a
 * reason for silence: the nudge is one plain line, as welcome read aloud as seen.
 */
function personAtTerminal(command: Command): boolean {
  const { stdin, stdout, stderr, env } = io();
  if (!stdin.isTTY || !stdout.isTTY || !stderr.isTTY) return false;
  if (env.CI && env.CI !== "false" && env.CI !== "0") return false;
  const { json, ics } = command.optsWithGlobals<{ json?: boolean; ics?: boolean }>();
  return !json && !ics;
}

async function offer(command: Command, journal: Journal, options: NudgeOptions): Promise<void> {
  // The setting first: turned off, the nudge costs one look at settings.json and nothing else.
  if (!(await nudgesOn(command))) return;
  const [{ nudgeFor }, { lastNudgeDay, rememberNudgeDay }] = await Promise.all([
    import("../coach/nudge.js"),
    import("../journal/nudge-state.js"),
  ]);
  const dir = dataDirOf(command);
  const nudge = nudgeFor(journal, new Date(), lastNudgeDay(dir), options);
  if (!nudge) return;
  // Recorded before it is shown: a day that cannot be recorded would be a nudge on every run.
  if (!rememberNudgeDay(dir, nudge.day)) return;
  const { nudgeLine } = await import("../ui/nudge-view.js");
  const columns = terminalColumns(io().stderr);
  say(theme.muted(nudgeLine(nudge, columns === undefined ? undefined : columns - 1)));
}

/**
 * The `nudges` setting, read leniently: only a settings file that plainly says
 * on (or says nothing) lets a nudge through; one that cannot be read, or has a
 * wrong `nudges`, is taken as a wish for quiet.
 */
async function nudgesOn(command: Command): Promise<boolean> {
  const file = settingsFileOf(command);
  if (file === undefined) return true;
  const { inspectSettings } = await import("../journal/settings.js");
  const reading = inspectSettings(file);
  if (!reading) return true;
  if (reading.unreadable || reading.problems.some((problem) => problem.key === "nudges")) return false;
  return reading.settings.nudges !== "off";
}
