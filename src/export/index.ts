import type { Entry } from "../journal/entry.js";
import type { ExportFormat } from "./formats.js";

/** The entries in one format, as one text; only the chosen formatter is loaded. */
export async function formatEntries(format: ExportFormat, entries: readonly Entry[]): Promise<string> {
  switch (format) {
    case "json":
      return (await import("./json.js")).formatJson(entries);
    case "yaml":
      return (await import("./yaml.js")).formatYaml(entries);
    case "csv":
      return (await import("./csv.js")).formatCsv(entries);
    case "md":
      return (await import("./markdown.js")).formatMarkdown(entries);
  }
}
