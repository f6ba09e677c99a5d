/**
 * Errors the CLI turns into one line on stderr and an exit code.
 * Anything else that escapes a command is a bug and gets a stack trace.
 */
export class CoachError extends Error {
  readonly exitCode: number = 1;
}

/** Bad usage: a missing flag, a value outside the allowed set. Exit 2. */
export class UsageError extends CoachError {
  override readonly exitCode = 2;
}

/** The journal file cannot be read, parsed, validated or written. */
export class StoreError extends CoachError {
  constructor(
    readonly file: string,
    readonly problem: string,
    /** The file is damaged in a way `doctor --repair` can salvage. */
    readonly repairable = false,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** A content YAML file is broken; the message names file, line and field. */
export class ContentError extends CoachError {}

/** An ID that matches no entry, or more than one. */
export class NotFoundError extends CoachError {}

/** The person pressed Ctrl+C. Exit 130, nothing saved. */
export class CancelledError extends CoachError {
  override readonly exitCode = 130;
}
