import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { draftText, renderTemplate } from "../../src/content/render.js";
import { TEMPLATE_KINDS } from "../../src/content/vocabulary.js";

const { templates } = loadContent();
const full = { company: "Acme", role: "Backend Engineer", contact: "Sam", sender: "Alex Kim" };

describe("feedback templates", () => {
  it.each(TEMPLATE_KINDS)("%s renders with every placeholder filled, with or without contact and sender", (kind) => {
    for (const values of [full, { company: "Acme", role: "Backend Engineer" }, { ...full, contact: "" }]) {
      const draft = renderTemplate(templates[kind], values);
      const text = draftText(draft);
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(draft.subject).not.toBe("");
      expect(text).toContain("Acme");
      expect(text).toContain("Backend Engineer");
    }
  });

  it.each(TEMPLATE_KINDS)("%s reads right for any stage: no interviews, conversations or new hire assumed", (kind) => {
    const text = draftText(renderTemplate(templates[kind], full));
    expect(text).not.toMatch(/interview|new hire|we spoke|conversations|the team gave|time you and/i);
  });

  it("greets and signs with the names given", () => {
    const draft = renderTemplate(templates.request, full);
    expect(draft.body.startsWith("Hi Sam,\n")).toBe(true);
    expect(draft.body.trimEnd().endsWith("Alex Kim")).toBe(true);
    expect(draftText(draft).startsWith(`Subject: ${draft.subject}\n\n`)).toBe(true);
  });

  it("falls back to a neutral greeting and leaves the name line out", () => {
    const draft = renderTemplate(templates.reply, { company: "Acme", role: "Backend Engineer" });
    expect(draft.body.startsWith("Hello,\n")).toBe(true);
    expect(draft.body.trimEnd().endsWith("Kind regards,")).toBe(true);
  });

  it("reports the check-in's [bracketed] part, and --update fills it", () => {
    expect(renderTemplate(templates.checkin, full).toFill).toHaveLength(1);
    const filled = renderTemplate(templates.checkin, { ...full, update: "finished a course in SQL." });
    expect(filled.toFill).toEqual([]);
    expect(filled.body).toContain("Since then I have finished a course in SQL. It has");
  });

  it("handles a person's own template that uses the names mid-sentence", () => {
    const own = {
      subject: "{{ role }} at {{company}}",
      body: "Dear {{contact}},\nI met {{contact}} there.\n{{sender}}\nThanks, {{sender}}\n",
    };
    const draft = renderTemplate(own, { company: "Acme", role: "Dev" });
    expect(draft.subject).toBe("Dev at Acme");
    expect(draft.body).toBe("Hello,\nI met the hiring team there.\nThanks,\n");
  });
});
