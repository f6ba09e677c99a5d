import type { Command } from "commander";
import { CoachError } from "../errors.js";
import { say } from "../ui/output.js";
import { openJournal, type GlobalOptions } from "./context.js";

interface PassphraseOptions {
  newPassphraseFile?: string;
}

export function registerPassphrase(command: Command): void {
  command
    .description("change an encrypted journal's passphrase (asks for the current one, then the new one twice)")
    .option(
      "--new-passphrase-file <file>",
      "the new passphrase, from a file or a pipe (or $REJECTION_COACH_NEW_PASSPHRASE)",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach passphrase\n" +
        "  rejection-coach --passphrase-file <(pass show coach/old) passphrase --new-passphrase-file <(pass show coach/new)\n\n" +
        "The journal is written again under the new passphrase in one step: if anything stops it,\n" +
        "the old passphrase still opens it. Copies made before (backups, synced versions) keep the old one.",
    )
    .action(async (options: PassphraseOptions, command: Command) => {
      const { newPassphrase, passphraseProvider, NEW } = await import("./passphrase-source.js");
      const store = await openJournal(command);
      if (store.form() !== "encrypted") {
        throw new CoachError("the journal is not encrypted; 'rejection-coach encrypt' gives it a passphrase");
      }
      // The current passphrase is checked before the new one is asked: a typo there should not cost typing the new one twice.
      await store.read();
      const passphrase = await newPassphrase(options.newPassphraseFile, NEW);
      // The provider is the store's, asked once per run: this is the passphrase just checked.
      if (passphrase === (await passphraseProvider(command.optsWithGlobals<GlobalOptions>().passphraseFile)())) {
        throw new CoachError("the new passphrase is the one the journal already has; nothing was changed");
      }
      await store.rewrite(passphrase, { from: "encrypted" });
      say(`Passphrase changed: ${store.file} now opens with the new one only.`);
    });
}
