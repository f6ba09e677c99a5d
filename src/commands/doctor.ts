import type { Command } from "commander";
import { StoreError } from "../errors.js";
import { renderDiagnosis, renderRepair } from "../ui/doctor-view.js";
import { printData, printJson } from "../ui/output.js";
import { dataDirOf } from "./context.js";

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
      const diagnosis = diagnose(dir);
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
      const report = await repair(dir);
      const after = diagnose(dir);
      if (options.json) printJson({ ...report, before: diagnosis, after });
      else printData(renderRepair(report, after));
      if (!after.healthy) throw new StoreError(after.file, after.problem ?? "needs attention");
    });
}
