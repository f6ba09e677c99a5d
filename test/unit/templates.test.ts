import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { draftText, renderTemplate } from "../../src/content/render.js";
import { TEMPLATE_KINDS } from "../../src/content/vocabulary.js";
import { fitWording, type WordingSituation } from "../../src/coach/wording.js";
import { ENDINGS, STAGES } from "../../src/journal/vocabulary.js";

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

  describe("wording for how it ended and when", () => {
    const worded = (kind: (typeof TEMPLATE_KINDS)[number], situation: Partial<WordingSituation>) =>
      fitWording(templates[kind], { stage: "interview", ended: "rejected", age: 0, ...situation });

    it("a ghosted application gets a short status follow-up, not a request for feedback", () => {
      const template = worded("request", { ended: "ghosted" });
      const text = draftText(renderTemplate(template, full));
      expect(text).not.toMatch(/considering me|stronger candidate|did not work out/i);
      expect(text).toMatch(/follow up/i);
      expect(text).toMatch(/where the process stands/i);
      expect(template.title).not.toMatch(/feedback/i);
      expect(template.body.split(/\s+/).length).toBeLessThan(100);
    });

    it("a ghosted reply does not thank them for news they never sent", () => {
      const text = draftText(renderTemplate(worded("reply", { ended: "ghosted" }), full));
      expect(text).not.toMatch(/considering me|did not work out|the news/i);
    });

    it("a closed role is asked about its return, not about what would have made a stronger candidate", () => {
      const text = draftText(renderTemplate(worded("request", { ended: "role-closed" }), full));
      expect(text).not.toMatch(/stronger candidate/i);
    });

    it("the timing advice follows the rejection's age", () => {
      expect(worded("reply", { age: 0 }).when).toMatch(/day or two/);
      expect(worded("reply", { age: 21 }).when).not.toMatch(/day or two/);
      expect(worded("request", { age: 2 }).when).toMatch(/within a week/);
      expect(worded("request", { age: 21 }).when).not.toMatch(/within a week/);
      expect(worded("checkin", { age: 21 }).when).toMatch(/early/);
      expect(worded("checkin", { age: 90 }).when).toBe(templates.checkin.when);
    });

    it("every wording renders fully and reads right for any stage", () => {
      for (const kind of TEMPLATE_KINDS) {
        for (const stage of STAGES) {
          for (const ended of ENDINGS) {
            for (const age of [0, 5, 21, 120]) {
              const template = worded(kind, { stage, ended, age });
              const text = draftText(renderTemplate(template, full));
              expect(text).not.toMatch(/\{\{|\}\}/);
              expect(text).not.toMatch(/interview|new hire|we spoke|conversations|the team gave|time you and/i);
              expect(template.title.trim()).not.toBe("");
            }
          }
        }
      }
    });
  });
});
