import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readEmail } from "../../src/coach/read-email.js";
import { loadContent } from "../../src/content/load.js";
import { scoreEmails } from "../helpers/email-corpus.js";

// The targets of reading an email, measured on the development corpus
// (test/corpora/emails). The held-out set is measured apart, by the lead.

const CORPUS = fileURLToPath(new URL("../corpora/emails", import.meta.url));
const cues = loadContent().reading;
const score = scoreEmails(CORPUS, (text) => readEmail(text, cues));
const share = (field: keyof typeof score.fields) => score.fields[field].correct / score.emails;
const shown = (field: keyof typeof score.fields) =>
  JSON.stringify(
    score.misses.filter((miss) => miss.field === field),
    null,
    1,
  );

describe("reading the 40 development emails", () => {
  it("covers the whole corpus", () => expect(score.emails).toBe(40));

  it.each(["company", "role"] as const)("%s is right in at least 90% of emails", (field) => {
    expect(share(field), shown(field)).toBeGreaterThanOrEqual(0.9);
  });

  it.each(["stage", "ended", "reasons"] as const)("%s is right in at least 80% of emails", (field) => {
    expect(share(field), shown(field)).toBeGreaterThanOrEqual(0.8);
  });

  it.each(["company", "role", "stage", "ended"] as const)("%s is never invented where the email is silent", (field) => {
    expect(score.fields[field].invented, shown(field)).toBe(0);
  });
});
