import type { Command } from "commander";
import { StoreError } from "../errors.js";
import { renderDiagnosis, renderRepair } from "../ui/doctor-view.js";
import { printData, printJson } from "../ui/output.js";
import type { EncryptedReading } from "../journal/encrypted-reading.js";
import { dataDirOf, type GlobalOptions } from "./context.js";

interface DoctorOptions {
  repair?: boolean;
  json?: boolean;
}

export function registerDoctor(command: Command): void {
  command
    .description("check that your journal is readable, valid and private; --repair fixes what it can")
    .option("--repair", "fix what was found: keeps a backup of the file first, then saves every valid entry")
    .option("--json", "print the findings as JSON")
    .addHelpText(
      "after",
      `
Exits 0 when all is well and 1 when something needs attention.

Examples:
  rejection-coach doctor
  rejection-coach doctor --repair
  rejection-coach doctor --json | jq '.checks[] | select(.severity == "problem")'`,
    )
    .action(async (options: DoctorOptions, command: Command) => {
      const dir = dataDirOf(command);
      // Loaded when doctor runs, not when the CLI starts, so --help and the other commands stay fast.
      const [{ diagnose }, { repair }] = await Promise.all([
        import("../journal/diagnose.js"),
        import("../journal/repair.js"),
      ]);
      const encrypted = await openEncrypted(dir, command.optsWithGlobals<GlobalOptions>().passphraseFile);
      const diagnosis = diagnose(dir, Date.now(), encrypted?.reading);
      if (!options.repair || !diagnosis.repairable) {
        if (options.json) printJson(diagnosis);
        else printData(renderDiagnosis(diagnosis, Boolean(options.repair) && diagnosis.healthy));
        if (!diagnosis.healthy) {
          // The salvage hint is for damaged content; anything else doctor --repair can fix is said plainly.
          const damaged = diagnosis.state === "damaged";
          const hint =
            !damaged && diagnosis.fullyRepairable && !options.repair
              ? "; 'rejection-coach doctor --repair' fixes it"
              : "";
          throw new StoreError(diagnosis.file, `${diagnosis.problem ?? "needs attention"}${hint}`, damaged);
        }
        return;
      }
      if (!options.json) printData(renderDiagnosis(diagnosis, true));
      const report = await repair(
        dir,
        new Date(),
        encrypted?.passphrase === undefined
          ? undefined
          : { reading: encrypted.reading, passphrase: encrypted.passphrase },
      );
      // Opened again: a salvage wrote new ciphertext, which the first opening does not vouch for.
      const after = diagnose(dir, Date.now(), (await openEncrypted(dir, undefined, encrypted?.passphrase))?.reading);
      if (options.json) printJson({ ...report, before: diagnosis, after });
      else printData(renderRepair(report, after));
      if (!after.healthy) throw new StoreError(after.file, after.problem ?? "needs attention");
    });
}

/**
 * An encrypted journal opened with its passphrase (`known`, else one given or
 * typed), with that passphrase; undefined for a plain journal or one that
 * cannot be read (diagnose says why).
 */
async function openEncrypted(
  dir: string,
  passphraseFile: string | undefined,
  known?: string,
): Promise<{ reading: EncryptedReading; passphrase?: string } | undefined> {
  const [{ storeFiles }, { readRegularFile }, { journalKind }, { MAX_JOURNAL_BYTES }] = await Promise.all([
    import("../journal/store-files.js"),
    import("../journal/read-file.js"),
    import("../journal/journal-cipher.js"),
    import("../journal/store.js"),
  ]);
  let raw: Buffer;
  try {
    raw = readRegularFile(storeFiles(dir).journal, MAX_JOURNAL_BYTES);
  } catch {
    return undefined;
  }
  if (journalKind(raw) === "plain") return undefined;
  const [{ offeredPassphrase }, { readEncrypted }] = await Promise.all([
    import("./passphrase-source.js"),
    import("../journal/encrypted-reading.js"),
  ]);
  const passphrase = known ?? (await offeredPassphrase(passphraseFile));
  return { reading: await readEncrypted(raw, passphrase), passphrase };
}
