/**
 * The version of the JSON and YAML export schema: what `export` writes and
 * `import` reads. The journal owns it because a repair's set-aside file is
 * written in the same schema.
 */
// 2: a rejection may carry `email`, which an older build's import would drop without a word.
export const EXPORT_VERSION = 2;
