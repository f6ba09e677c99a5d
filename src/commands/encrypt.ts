import { closeSync, existsSync, fsyncSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { CoachError, UsageError } from "../errors.js";
import { fileErrorReason } from "../journal/file-errors.js";
import { canPrompt, say } from "../ui/output.js";
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
        "  rejection-coach --passphrase-file <(pass show coach) encrypt\n  age -d journal.json > plain.json\n\n" +
        "Every command then asks for the passphrase once; scripts give it with REJECTION_COACH_PASSPHRASE\n" +
        "or --passphrase-file FILE, never as an argument. 'rejection-coach decrypt' undoes it.",
    )
    .action(async (options: EncryptOptions, command: Command) => {
      const [{ isStorePath }, { newPassphrase }, { leftovers, plainCopies, removeAbandonedCopies }] = await Promise.all(
        [import("../journal/store-files.js"), import("./passphrase-source.js"), import("../journal/leftovers.js")],
      );
      const dir = dataDirOf(command);
      const store = await openJournal(command);
      const form = store.form();
      if (form === "encrypted") throw new CoachError("the journal is already encrypted; nothing was changed");
      if (options.backup !== undefined) {
        const why = backupProblem(dir, options.backup, isStorePath);
        // Checked again when it is written; said now, before anything is asked.
        if (why) throw new UsageError(`--backup ${options.backup}: ${why}; nothing was changed`);
      }
      say(WARNING);
      const backup =
        options.backup ?? (form !== "missing" && canPrompt() ? await offerBackup(dir, isStorePath) : undefined);
      const passphrase = await newPassphrase(command.optsWithGlobals<GlobalOptions>().passphraseFile);
      let backedUp = false;
      await store.rewrite(passphrase, {
        from: "plain",
        backup:
          backup === undefined
            ? undefined
            : (bytes) => {
                writeBackup(backup, bytes);
                backedUp = true;
              },
      });
      if (backedUp) say(`Plain backup: ${backup}. It is not encrypted: keep it safe, or delete it.`);
      say(`Encrypted: ${store.file}. 'age -d' opens it with the same passphrase.`);
      // What an interrupted plain save left may hold the journal as it was.
      removeAbandonedCopies(dir);
      const plain = plainCopies(leftovers(dir));
      if (plain.length > 0) {
        say(
          `Still plain text beside it, from earlier repairs: ${plain.join(", ")}. ` +
            "Delete them, or move them somewhere safe, once you no longer need them.",
        );
      }
    });
}

type IsStorePath = (dir: string, path: string) => boolean;

/** Why `path` cannot take the plain backup, or undefined when it can. */
function backupProblem(dir: string, path: string, isStorePath: IsStorePath): string | undefined {
  if (isStorePath(dir, path)) return "is one of the journal's own files; choose a path outside its folder";
  if (existsSync(path)) return "already exists; choose a new file";
  return undefined;
}

/**
 * At a terminal without --backup, the plain copy is offered: a path to write
 * it to, or Enter for none.
 */
async function offerBackup(dir: string, isStorePath: IsStorePath): Promise<string | undefined> {
  const [{ loadPrompts }, { typedPath }] = await Promise.all([
    import("../flows/prompts.js"),
    import("../journal/paths.js"),
  ]);
  const answer = await (
    await loadPrompts()
  ).input({
    message: "Keep a plain copy first? Type where to write it, or press Enter for none",
    validate: (value) => {
      if (value.trim() === "") return true;
      const why = backupProblem(dir, typedPath(value), isStorePath);
      return why === undefined ? true : `That ${why}.`;
    },
  });
  return answer.trim() === "" ? undefined : typedPath(answer);
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
  // The file's name is in its folder: flushed too, or a crash could leave the backup nameless.
  const folder = openSync(dirname(path), "r");
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
