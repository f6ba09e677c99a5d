import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import type { Command } from "commander";
import { CoachError, UsageError } from "../errors.js";
import { fileErrorReason } from "../journal/file-errors.js";
import { say } from "../ui/output.js";
import { dataDirOf, openJournal, type GlobalOptions } from "./context.js";

interface EncryptOptions {
  backup?: string;
}

/** The two lines said before anything else: nobody, this tool included, can open it without the passphrase. */
const WARNING =
  "An encrypted journal opens only with its passphrase. If you forget it, nobody can read the journal,\n" +
  "not you and not this tool: keep the passphrase somewhere safe, or keep a plain backup (--backup FILE).";

export function registerEncrypt(command: Command): void {
  command
    .description("encrypt the journal with a passphrase (the standard `age` tool opens it too)")
    .option("--backup <file>", "first write a plain copy of the journal to FILE (private, never overwritten)")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach encrypt\n  rejection-coach encrypt --backup ~/journal-plain.json\n" +
        "  REJECTION_COACH_PASSPHRASE=... rejection-coach encrypt\n  age -d journal.json > plain.json\n\n" +
        "Every command then asks for the passphrase once; scripts give it with REJECTION_COACH_PASSPHRASE\n" +
        "or --passphrase-file FILE, never as an argument. 'rejection-coach decrypt' undoes it.",
    )
    .action(async (options: EncryptOptions, command: Command) => {
      const [{ journalKind }, { isStorePath }, { newPassphrase }] = await Promise.all([
        import("../journal/journal-cipher.js"),
        import("../journal/store-files.js"),
        import("./passphrase-source.js"),
      ]);
      const store = await openJournal(command);
      const raw = store.readRaw();
      if (raw !== undefined && journalKind(raw) !== "plain") {
        throw new CoachError("the journal is already encrypted; nothing was changed");
      }
      if (options.backup !== undefined && isStorePath(dataDirOf(command), options.backup)) {
        throw new UsageError(`--backup ${options.backup}: is one of the journal's own files; choose a path outside it`);
      }
      say(WARNING);
      const passphrase = await newPassphrase(command.optsWithGlobals<GlobalOptions>().passphraseFile);
      const backup = options.backup;
      await store.rewrite(passphrase, backup === undefined ? undefined : (bytes) => writeBackup(backup, bytes));
      if (backup !== undefined) say(`Plain backup: ${backup}. It is not encrypted: keep it safe, or delete it.`);
      say(`Encrypted: ${store.file}. 'age -d' opens it with the same passphrase.`);
    });
}

/**
 * The plain copy, written and flushed before the journal is encrypted. Created
 * only if nothing is there ("wx"): a backup never replaces another file.
 */
function writeBackup(path: string, bytes: Buffer): void {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EEXIST" ? "already exists" : `cannot be written (${fileErrorReason(error)})`;
    throw new UsageError(`--backup ${path}: ${why}; nothing was changed`);
  }
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
