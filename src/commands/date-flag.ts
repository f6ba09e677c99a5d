import { UsageError } from "../errors.js";
import type { ParseDayOptions } from "../journal/day-input.js";
import { formatDayInFull } from "../ui/labels.js";
import { say } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";

/**
 * A date flag (--date, --since, --due) as a YYYY-MM-DD day. A numeric date that
 * could be two days, read by the locale because no order is set, is confirmed in
 * words on stderr, so a misreading shows before it is relied on.
 */
export async function readDayFlag(flag: string, value: string, options: ParseDayOptions): Promise<string> {
  const { DateInputError, readDay } = await import("../journal/day-input.js");
  try {
    const reading = await readDay(value, options);
    if (reading.ambiguous) {
      say(
        `Read ${safeLine(value.trim())} as ${formatDayInFull(reading.day)} ` +
          `(to change how numbers are read: rejection-coach config set dateOrder mdy or dmy)`,
      );
    }
    return reading.day;
  } catch (error) {
    if (error instanceof DateInputError) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}
