import type { Entry } from "../journal/entry.js";
import { EXPORT_VERSION } from "./formats.js";

/**
 * The export file: `{ "version": 1, "entries": [...] }`, each entry exactly as
 * the journal stores it. `import` reads it back.
 */
export interface ExportDocument {
  version: typeof EXPORT_VERSION;
  entries: Entry[];
}

export const exportDocument = (entries: readonly Entry[]): ExportDocument => ({
  version: EXPORT_VERSION,
  entries: [...entries],
});

export function formatJson(entries: readonly Entry[]): string {
  return `${JSON.stringify(exportDocument(entries), null, 2)}\n`;
}
