// The export formats, kept apart from the formatters so that commands can name
// them in their options without loading yaml at start-up.

export const EXPORT_FORMATS = ["md", "json", "yaml", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
