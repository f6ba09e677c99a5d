import { ImportError, MAX_IMPORT_BYTES } from "../journal/import.js";
import { readTextInput } from "../read-input.js";

/** The text of an import: a file, or standard input for `-`. */
export function readImport(file: string): Promise<{ text: string; source: string }> {
  return readTextInput(file, {
    maxBytes: MAX_IMPORT_BYTES,
    error: (message) => new ImportError(message),
    tooLarge: `is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, far more than any journal; is it the right file?`,
    what: "an export file",
  });
}
