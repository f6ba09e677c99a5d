import type { Command } from "commander";
import { calendarEvents } from "../coach/calendar.js";
import { formatIcs } from "../export/ics.js";
import { exportTarget, writeExport } from "../export/write.js";
import { io } from "../io.js";
import { say, stdoutIsTerminal } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { dataDirOf, openJournal } from "./context.js";

/**
 * `next --ics`: the calendar file, to `output` or to standard output. Loaded
 * only then, so the calendar library costs the other commands nothing. Written
 * as `export --output` writes: never onto the journal's files, whole or not at
 * all, private (0600), and `/dev/stdout` is the stream the shell gave.
 */
export async function writeCalendar(command: Command, output: string | undefined): Promise<void> {
  // Before reading, so that a path onto the journal is refused without touching anything.
  const target = output === undefined ? undefined : exportTarget(output, dataDirOf(command));
  const journal = await (await openJournal(command)).read();
  const events = calendarEvents(journal);
  const text = formatIcs(events, new Date());
  if (target && target.kind !== "standard") {
    await writeExport(target, text);
    const count = events.length === 1 ? "1 event" : `${events.length} events`;
    const how = stdoutIsTerminal()
      ? ": open it with your calendar app or use its Import (importing it again updates the same events)"
      : "";
    say(`Wrote ${count} to ${safeLine(target.path)}${how}`);
  } else {
    (target?.kind === "standard" && target.fd === 2 ? io().stderr : io().stdout).write(text);
    if (target === undefined && stdoutIsTerminal()) {
      say(theme.muted("\nTo save it for your calendar: rejection-coach next --ics --output steps.ics"));
    }
  }
  if (events.length === 0) {
    say("Nothing to schedule: no open step has a due date, and no reflection or check-in is waiting.");
  }
}
