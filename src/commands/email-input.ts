import { UsageError } from "../errors.js";
import { io } from "../io.js";
import { readTextInput } from "../read-input.js";
import { say } from "../ui/output.js";

/** An email is a few kilobytes; a file past this is not one. */
export const MAX_EMAIL_BYTES = 256 * 1024;

/** The email flags of log. */
export interface EmailOptions {
  email?: string;
  keepEmail?: boolean;
  note?: string;
}

/**
 * --keep-email keeps an email that is read (from --email, or pasted at a
 * terminal: `asks`), and two flags cannot both read standard input.
 */
export function checkEmailOptions(options: EmailOptions, asks: boolean): void {
  if (options.email === "-" && options.note === "-") {
    throw new UsageError("--email - and --note - cannot both read standard input; give one of them as a file or text");
  }
  if (options.keepEmail && options.email === undefined && !asks) {
    throw new UsageError(
      "--keep-email keeps the email that --email reads; give --email FILE (or - for standard input)",
    );
  }
}

export async function readEmailText(file: string): Promise<string> {
  if (file === "-" && io().stdin.isTTY) {
    say("Paste the email, then press Ctrl+D on an empty line (on Windows, Ctrl+Z and Enter).");
  }
  const { text } = await readTextInput(file, {
    maxBytes: MAX_EMAIL_BYTES,
    error: (message) => new UsageError(`--email ${message}`),
    tooLarge: `is larger than ${MAX_EMAIL_BYTES / 1024} KB, far more than an email; is it the right file?`,
    what: "an email",
  });
  // UTF-16 without its mark, or a file that is not text at all: nothing in it could be read as words.
  if (text.includes("\u0000")) {
    throw new UsageError(
      `--email ${file}: does not look like text; save the email as plain text (UTF-8) and try again`,
    );
  }
  return text;
}
