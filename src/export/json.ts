import type { Entry } from "../journal/entry.js";
import { EXPORT_VERSION } from "../journal/export-version.js";
import { jsonText } from "./json-text.js";

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
  return `${jsonText(exportDocument(entries))}\n`;
}
