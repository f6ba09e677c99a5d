import type { Check, Diagnosis, Dropped, Mended } from "../journal/diagnose.js";
import type { RepairReport } from "../journal/repair.js";
import { safeLine } from "./safe-text.js";
import { symbols } from "./symbols.js";
import { theme } from "./theme.js";

const mark = (severity: Check["severity"]): string =>
  severity === "ok"
    ? theme.good(symbols().check)
    : severity === "notice"
      ? theme.accent(symbols().separator)
      : theme.error(symbols().cross);

/** What doctor found, check by check, and what --repair can do about it. */
export function renderDiagnosis(diagnosis: Diagnosis, repairing: boolean): string {
  const lines = [theme.heading(`Journal: ${safeLine(diagnosis.file)}`)];
  for (const check of diagnosis.checks) lines.push(`  ${mark(check.severity)} ${safeLine(check.message)}`);
  const { salvage } = diagnosis;
  if (salvage) {
    lines.push(
      "",
      `  ${salvage.kept} of ${salvage.found} ${salvage.found === 1 ? "entry" : "entries"} can be saved.`,
      ...renderMended(salvage.mended, "can be kept without a field that is wrong"),
      ...renderDropped(salvage.setAside, "cannot be kept as they are; a repair moves them to a file to fix and import"),
      ...renderDropped(salvage.dropped, repairing ? "will be dropped" : "cannot be saved"),
    );
  }
  lines.push("");
  if (diagnosis.healthy) lines.push(theme.good(repairing ? "All good: nothing to repair." : "All good."));
  else if (repairing) lines.push(`Repairing${symbols().ellipsis}`);
  else if (diagnosis.fullyRepairable) {
    lines.push("Run 'rejection-coach doctor --repair' to fix this. It keeps a copy of the file before changing it.");
  } else if (diagnosis.repairable) {
    lines.push(
      "'rejection-coach doctor --repair' can fix some of this (it keeps a copy of a file before changing it).",
    );
  } else lines.push("doctor --repair cannot fix this; nothing was changed.");
  return lines.join("\n");
}

function renderDropped(dropped: Dropped[], verb: string): string[] {
  if (dropped.length === 0) return [];
  return [
    `  ${dropped.length} ${verb}:`,
    ...dropped.map((item) => `    - ${safeLine(item.where)}: ${safeLine(item.reason)}`),
  ];
}

function renderMended(mended: Mended[], verb: string, indent = "  "): string[] {
  if (mended.length === 0) return [];
  return [
    `${indent}${mended.length} ${verb}:`,
    ...mended.flatMap((item) =>
      item.removed.map(
        ({ field, reason }) =>
          `${indent}  - ${safeLine(item.where)}: took out \`${safeLine(field)}\` (it ${safeLine(reason)})`,
      ),
    ),
  ];
}

/** A path as it can be pasted into a shell. */
const pasteable = (path: string): string => (/^[\w./+-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`);

/** What a repair did, and what is left for the person to fix. */
export function renderRepair(report: RepairReport, after: Diagnosis): string {
  const lines: string[] = [];
  if (report.backup) lines.push(`Kept a copy of the original file: ${safeLine(report.backup)}`);
  if (report.rewritten) {
    lines.push(`Saved ${report.kept} ${report.kept === 1 ? "entry" : "entries"}.`);
    if (report.dropped.length > 0) {
      lines.push(`Dropped ${report.dropped.length} (they are still in the copy above):`);
      for (const item of report.dropped) lines.push(`  - ${safeLine(item.where)}: ${safeLine(item.reason)}`);
    }
    lines.push(
      ...renderMended(report.mended, "kept without a field that was wrong (it is still in the copy above)", ""),
    );
    if (report.setAsideFile && report.setAside.length > 0) {
      const file = safeLine(report.setAsideFile);
      lines.push(
        `Set aside ${report.setAside.length} that cannot be kept as they are, with all they hold, in ${file}:`,
      );
      for (const item of report.setAside) lines.push(`  - ${safeLine(item.where)}: ${safeLine(item.reason)}`);
      lines.push(
        report.setAsideEncrypted
          ? `It is encrypted with the journal's passphrase. To bring them back: age -d ${pasteable(file)} > entries.json (somewhere private), correct the fields named above, run rejection-coach import entries.json, then delete entries.json`
          : `To bring them back, open that file in a text editor, correct the fields named above, then run: rejection-coach import ${pasteable(file)}`,
      );
    }
    for (const { from, to } of report.renamed) {
      lines.push(`Two different entries shared the id ${safeLine(from)}; the second one is now ${to}.`);
    }
  }
  for (const fix of report.fixed) lines.push(`${fix[0]!.toUpperCase()}${fix.slice(1)}.`);
  const left = after.checks.filter((check) => check.severity === "problem");
  if (left.length === 0) {
    lines.push(theme.good(`The journal is repaired: ${safeLine(report.file)}`));
  } else {
    lines.push("Still needs your attention (doctor --repair cannot change this):");
    for (const check of left) lines.push(`  ${mark(check.severity)} ${safeLine(check.message)}`);
  }
  return lines.join("\n");
}
