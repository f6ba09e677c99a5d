import type { Command } from "commander";
import { CoachError } from "../errors.js";
import { say } from "../ui/output.js";
import { openJournal } from "./context.js";

export function registerDecrypt(command: Command): void {
  command
    .description("write an encrypted journal back as plain JSON (asks for its passphrase)")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach decrypt\n  rejection-coach decrypt --passphrase-file ~/.coach-pass\n\n" +
        "Afterwards anyone who can read the file can read the journal.",
    )
    .action(async (_options: unknown, command: Command) => {
      const store = await openJournal(command);
      if (store.form() !== "encrypted") {
        throw new CoachError("the journal is not encrypted; nothing was changed");
      }
      await store.rewrite(undefined, { from: "encrypted" });
      say(`Decrypted: ${store.file} is plain JSON again.`);
    });
}
