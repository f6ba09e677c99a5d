import { UsageError } from "../errors.js";
import { io } from "../io.js";
import { readTextInput } from "../read-input.js";
import { canPrompt, say } from "../ui/output.js";

/** An email is a few kilobytes; a file past this is not one. */
export const MAX_EMAIL_BYTES = 256 * 1024;

/** The email flags of log. */
export interface EmailOptions {
  email?: string;
  keepEmail?: boolean;
  note?: string;
}

/** --keep-email keeps an email that is read, and two flags cannot both read standard input. */
export function checkEmailOptions(options: EmailOptions): void {
  if (options.email === "-" && options.note === "-") {
    throw new UsageError("--email - and --note - cannot both read standard input; give one of them as a file or text");
  }
  if (options.keepEmail && options.email === undefined && !canPrompt()) {
    throw new UsageError(
      "--keep-email keeps the email that --email reads; give --email FILE (or - for standard input)",
    );
  }
}

export async function readEmailText(file: string): Promise<string> {
  if (file === "-" && io().stdin.isTTY) say("Paste the email, then press Ctrl+D on an empty line.");
  const { text } = await readTextInput(file, {
    maxBytes: MAX_EMAIL_BYTES,
    error: (message) => new UsageError(`--email ${message}`),
    tooLarge: `is larger than ${MAX_EMAIL_BYTES / 1024} KB, far more than an email; is it the right file?`,
    what: "an email",
  });
  return text;
}
