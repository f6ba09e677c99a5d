import { describe, expect, it } from "vitest";
import { emptyAnswers, reflectionScope, toReflection, type ReflectAnswers } from "../../src/coach/reflection.js";
import { loadContent } from "../../src/content/load.js";
import { checkinFlow } from "../../src/flows/checkin.js";
import { pickEntry, reflectFlow } from "../../src/flows/reflect.js";
import type { RejectionEntry, Stage } from "../../src/journal/entry.js";
import { rejection } from "../helpers/fixtures.js";
import stripAnsi from "strip-ansi";
import { byMessage, choiceValues, CTRL_C, ENTER, fakePrompts, type Call, type Responder } from "./fake-prompts.js";

const content = loadContent().reflection;
// Tuesday 24 November 2026, midday local time.
const now = new Date(2026, 10, 24, 12);

/** The mood is the one answer that cannot be skipped: where a test gives none, it is 5. */
const withMood =
  (respond: Responder = () => undefined): Responder =>
  (call) => {
    const answer = respond(call);
    return answer === undefined && /1 \(awful\)/.test(call.message) ? 5 : answer;
  };

async function run(entry: RejectionEntry, respond?: Responder, preset: ReflectAnswers = emptyAnswers()) {
  const { prompts, calls } = fakePrompts(withMood(respond));
  const said: string[] = [];
  const answers = await reflectFlow({
    prompts,
    entry,
    content,
    scope: reflectionScope(content, entry),
    preset,
    now,
    say: (text) => said.push(text),
  });
  if (!answers) throw new Error("the flow ended without saving");
  return { answers, calls, said: said.join("\n") };
}

/** The stage-question picker and the ratings the flow offered for a stage. */
async function offeredFor(stage: Stage) {
  const { calls } = await run(rejection({ stage }));
  const picker = calls.find((call) => call.message.startsWith("Which would you like to think through"))!;
  const ratings = calls.filter((call) => call.kind === "input" && call.message.endsWith("(1-5)"));
  return { questions: choiceValues(picker) as string[], ratings: ratings.map((call) => call.message) };
}

describe("the reflect flow", () => {
  it("asks different stage questions for an application, an interview and a final-round no", async () => {
    const applied = await offeredFor("applied");
    const interview = await offeredFor("interview");
    const final = await offeredFor("final");

    expect(applied.questions).toContain("first-glance");
    expect(applied.questions).toContain("tailored-documents");
    expect(applied.questions).not.toContain("showing-experience");

    expect(interview.questions).toContain("showing-experience");
    expect(interview.questions).toContain("your-questions");
    expect(interview.questions).not.toContain("first-glance");
    expect(interview.questions).not.toContain("other-candidate");

    expect(final.questions).toContain("other-candidate");
    expect(final.questions).toContain("door-open");
    expect(final.questions).not.toContain("interviewer-hints");

    // Every offered question is one whose stages include the entry's stage.
    for (const [stage, offered] of [
      ["applied", applied],
      ["interview", interview],
      ["final", final],
    ] as const) {
      // The fixture's rejection ended in a clear no: questions kept for a silence or a closed role stay out.
      const expected = content.questions
        .filter((q) => q.stages.includes(stage) && (!q.endings || q.endings.includes("rejected")))
        .map((q) => q.id);
      expect(offered.questions).toEqual(expected);
    }
  });

  it("rates only the steps the process went through", async () => {
    expect((await offeredFor("applied")).ratings).toEqual([
      "Preparation and research (1-5)",
      "CV and cover letter (1-5)",
    ]);
    const interview = (await offeredFor("interview")).ratings;
    expect(interview).toContain("Interviews (1-5)");
    expect(interview).toContain("Follow-up and thank-you notes (1-5)");
    expect(interview).not.toContain("Final round (1-5)");
    const final = (await offeredFor("final")).ratings;
    expect(final).toContain("Final round (1-5)");
    expect(final).not.toContain("Offer and negotiation (1-5)");
  });

  it("asks the picked questions and turns a full walk-through into a reflection", async () => {
    const entry = rejection({ stage: "final", reasons: ["competition", "interview"], mood: 3 });
    const { answers, calls, said } = await run(
      entry,
      byMessage([
        [/how are you feeling/, 6],
        [/^Which would you like to think through/, ["other-candidate", "door-open"]],
        [/^What might the person they chose/, "More platform experience"],
        [/^How could you stay in touch/, "Connect with the hiring manager"],
        [/^Final round/, 3],
        [/^Interviews/, 4],
        [/actually in your hands/, ["interview"]],
        [/keeps coming back/, "I'm never good enough"],
        [/thinking traps/, "labelling"],
        [/fair-minded friend/, "I reached the final round against strong people"],
        [/suit your values/, "yes"],
        [/add about the fit/, "The team was lovely"],
        [/went well/, "My case study"],
        [/differently next time/, "Ask about the team's priorities"],
        [/^A next step/, "Message the hiring manager"],
        [/^By when/, ["last monday", "friday"]],
        [/^Another/, ""],
      ]),
    );
    expect(said).toContain("When you logged it, you were at 3/10.");
    expect(said).toContain("Up from 3");
    expect(said).toMatch(/was never yours to carry/);
    // The trap's own question is the hint for the balanced thought.
    const balanced = calls.find((call) => /fair-minded friend/.test(call.message))!;
    expect(balanced.message).toContain("What would you call the same situation if it happened to someone you respect?");
    // A past due date is refused and asked again.
    const due = calls.find((call) => call.message.startsWith("By when"))!;
    expect(due.refused[0]).toMatch(/in the past/);
    expect(answers.actions).toEqual([{ text: "Message the hiring manager", due: "2026-11-27" }]);

    const reflection = toReflection(answers, reflectionScope(content, entry), now);
    expect(reflection).toMatchObject({
      mood: 6,
      answers: [
        { questionId: "other-candidate", answer: "More platform experience" },
        { questionId: "door-open", answer: "Connect with the hiring manager" },
      ],
      inControl: ["interview"],
      outOfControl: ["competition"],
      thought: {
        thought: "I'm never good enough",
        trap: "labelling",
        balanced: "I reached the final round against strong people",
      },
      fit: "yes",
      fitNote: "The team was lovely",
      wentWell: "My case study",
      change: "Ask about the team's priorities",
    });
    expect(reflection.ratings).toEqual([
      { step: "interview", label: "Interviews", rating: 4 },
      { step: "final", label: "Final round", rating: 3 },
    ]);
  });

  it("lets every question but the mood be skipped", async () => {
    const entry = rejection({ stage: "interview" });
    const { answers, calls } = await run(entry, byMessage([[/how are you feeling/, 4]]));
    const reflection = toReflection(answers, reflectionScope(content, entry), now);
    expect(reflection).toMatchObject({ mood: 4, answers: [], ratings: [], inControl: [] });
    expect(reflection.thought).toBeUndefined();
    expect(reflection.fit).toBeUndefined();
    // Without a thought there is no trap or balanced thought to ask about.
    expect(calls.some((call) => /thinking traps/.test(call.message))).toBe(false);
    expect(answers.actions).toEqual([]);
  });

  it("offers every reason when none was recorded, and only the recorded ones otherwise", async () => {
    const control = (calls: Call[]) => choiceValues(calls.find((call) => /in your hands/.test(call.message))!);
    expect(control((await run(rejection({ reasons: ["salary", "unknown"] }))).calls)).toEqual(["salary", "none"]);
    expect(control((await run(rejection({ reasons: [] }))).calls)).toEqual([
      "skills",
      "interview",
      "culture",
      "competition",
      "salary",
      "internal",
      "cancelled",
      "none",
    ]);
  });

  it("records nothing when Enter is pressed with nothing ticked, and 'none of them' only when chosen", async () => {
    const entry = rejection({ reasons: ["skills", "competition"] });
    const skipped = await run(entry, byMessage([[/in your hands/, []]]));
    expect(skipped.answers.inControl).toBeUndefined();
    expect(skipped.said).not.toMatch(/yours to carry/);
    const reflection = toReflection(skipped.answers, reflectionScope(content, entry), now);
    expect(reflection).toMatchObject({ inControl: [], outOfControl: [] });

    const none = await run(entry, byMessage([[/in your hands/, ["none"]]]));
    expect(none.answers.inControl).toEqual([]);
    expect(none.said).toMatch(/Then none of it .* was yours to carry/);
    expect(toReflection(none.answers, reflectionScope(content, entry), now).outOfControl).toEqual([
      "skills",
      "competition",
    ]);
  });

  it("shows each trap with its name and example", async () => {
    const { calls } = await run(rejection(), byMessage([[/keeps coming back/, "They hated me"]]));
    const traps = calls.find((call) => /thinking traps/.test(call.message))!;
    const choices = traps.config.choices as { value: string; name: string }[];
    const personal = choices.find((choice) => choice.value === "personalising")!;
    expect(personal.name).toContain("Taking it personally");
    expect(personal.name).toContain("They just didn't like me.");
  });

  it("puts 'None of these fits' first when no trap stands out, so it is on screen and Enter names no trap", async () => {
    const { answers, calls } = await run(
      rejection(),
      byMessage([
        [/keeps coming back/, "I was tired that day"],
        [/thinking traps/, ENTER],
      ]),
    );
    const traps = calls.find((call) => /thinking traps/.test(call.message))!;
    const first = (traps.config.choices as { value: string; name: string }[])[0]!;
    expect(first.value).toBe("");
    expect(stripAnsi(first.name)).toBe("None of these fits");
    expect(answers.trap).toBeUndefined();
  });

  describe("with a trap the thought's words suggest", () => {
    // Cues of the test's own, so the order is tested apart from the wording of the real cues.
    const cued = {
      ...content,
      traps: content.traps.map((trap) => ({
        ...trap,
        cues:
          trap.id === "overgeneralising" ? ["always", "every time"] : trap.id === "labelling" ? ["i'm a failure"] : [],
      })),
    };
    const runCued = async (respond: Responder) => {
      const { prompts, calls } = fakePrompts(withMood(respond));
      const entry = rejection();
      const answers = await reflectFlow({ prompts, entry, content: cued, scope: reflectionScope(cued, entry), preset: emptyAnswers(), now, say: () => undefined }); // prettier-ignore
      const traps = calls.find((call) => /thinking traps/.test(call.message))!;
      return { answers, traps, choices: traps.config.choices as { value: string; name: string }[] };
    };

    it("lists the likely traps first, marked with the words, then 'None of these fits', then the rest", async () => {
      const { choices, traps } = await runCued(byMessage([[/keeps coming back/, "This ALWAYS happens, every time"]]));
      expect(choices[0]!.value).toBe("overgeneralising");
      expect(stripAnsi(choices[0]!.name)).toContain("likely, from 'ALWAYS', 'every time'");
      expect(choices[1]!.value).toBe("");
      expect(choices.slice(2).map((choice) => choice.value)).toEqual(
        content.traps.map((trap) => trap.id).filter((id) => id !== "overgeneralising"),
      );
      expect(traps.config.default).toBe("overgeneralising");
    });

    it("takes the suggestion with Enter, and lets the person pick none or another", async () => {
      const thought: [RegExp, unknown] = [/keeps coming back/, "This always happens"];
      expect((await runCued(byMessage([thought, [/thinking traps/, ENTER]]))).answers!.trap).toBe("overgeneralising");
      expect((await runCued(byMessage([thought, [/thinking traps/, ""]]))).answers!.trap).toBeUndefined();
      expect((await runCued(byMessage([thought, [/thinking traps/, "comparing"]]))).answers!.trap).toBe("comparing");
    });

    it("suggests nothing for a negated cue", async () => {
      const { choices, traps } = await runCued(byMessage([[/keeps coming back/, "I'm not a failure, I was unlucky"]]));
      expect(choices[0]!.value).toBe("");
      expect(traps.config.default).toBe("");
    });
  });

  it("records no fit when Enter is pressed on the untouched fit question", async () => {
    const entry = rejection();
    const { answers, calls } = await run(entry, byMessage([[/suit your values/, ENTER]]));
    expect(answers.fit).toBeUndefined();
    expect(calls.some((call) => /add about the fit/.test(call.message))).toBe(false);
    expect(toReflection(answers, reflectionScope(content, entry), now).fit).toBeUndefined();
  });

  it("refuses 'None of them' ticked with a reason in the tool's words, and saves the corrected answer", async () => {
    const entry = rejection({ reasons: ["skills", "competition"] });
    const { answers, calls } = await run(entry, byMessage([[/in your hands/, [["skills", "none"], ["skills"]]]]));
    const control = calls.find((call) => /in your hands/.test(call.message))!;
    expect(control.refused).toEqual(["'None of them' can't go with other choices; untick one"]);
    expect(answers.inControl).toEqual(["skills"]);
  });

  it("opens the editor when the answer is just 'e'", async () => {
    const { answers, calls } = await run(
      rejection({ stage: "applied" }),
      byMessage([
        [/^Which would you like to think through/, ["why-this-role"]],
        [/^What drew you/, "e"],
        [/editor/, "  A long answer\nover two lines  \n"],
      ]),
    );
    expect(calls.filter((call) => call.kind === "editor")).toHaveLength(1);
    expect(answers.answers["why-this-role"]).toBe("A long answer\nover two lines");
  });

  it("falls back to typing the answer when the editor cannot be launched", async () => {
    const launchFailure = () => {
      const error = new Error("Failed to launch editor.", { cause: new Error("spawn /nonexistent/ed ENOENT") });
      error.name = "LaunchEditorError";
      throw error;
    };
    let asked = 0;
    const { answers, calls, said } = await run(rejection({ stage: "applied" }), (call) => {
      if (call.kind === "editor") return launchFailure();
      if (/^Which would you like to think through/.test(call.message)) return ["why-this-role"];
      if (/^What drew you/.test(call.message)) return asked++ === 0 ? "e" : "  Typed instead  ";
      return undefined;
    });
    expect(calls.find((call) => call.kind === "editor")!.message).toMatch(/^Opening your editor/);
    expect(said).toContain("Could not open your editor (spawn /nonexistent/ed ENOENT); type the answer here instead.");
    expect(answers.answers["why-this-role"]).toBe("Typed instead");
  });

  it("asks again with the question's hint when the editor fails, and does not take 'e' as the answer", async () => {
    const exitFailure = () => {
      const error = new Error("the editor exited with status 1");
      error.name = "EditorExitError";
      throw error;
    };
    // The first time it is asked, e opens the editor; asked again, e then a typed answer.
    const asked: Call[] = [];
    const { answers } = await run(rejection({ stage: "applied" }), (call) => {
      if (call.kind === "editor") return exitFailure();
      if (/^Which would you like to think through/.test(call.message)) return ["why-this-role"];
      if (!/^What drew you/.test(call.message)) return undefined;
      if (!asked.includes(call)) asked.push(call);
      return call === asked[0] ? "e" : ["e", " Typed instead "][call.refused.length];
    });
    const [first, again] = asked;
    const hint = content.questions.find((question) => question.id === "why-this-role")!.hint!;
    expect(first!.message).toContain(hint);
    expect(again!.message).toBe(first!.message);
    expect(again!.refused).toEqual(["Your editor did not open; type the answer here, or press Enter to skip"]);
    expect(answers.answers["why-this-role"]).toBe("Typed instead");
    // The answered line is drawn before the editor is tried, so it must not say the answer is there.
    const transformer = first!.config.transformer as (value: string, state: { isFinal: boolean }) => string;
    expect(stripAnsi(transformer("e", { isFinal: true }))).not.toMatch(/in your editor/);
  });

  it("does not ask again what flags already answered", async () => {
    const preset: ReflectAnswers = {
      ...emptyAnswers(),
      mood: 7,
      answers: { "first-glance": "My title and last job" },
      ratings: { preparation: 2 },
      inControl: [],
      thought: "",
      fit: "no",
      fitNote: "",
      wentWell: "Quick turnaround",
      change: "",
      actions: [{ text: "Already planned" }],
    };
    const entry = rejection({ stage: "applied" });
    const { answers, calls } = await run(entry, undefined, preset);
    const asked = calls.map((call) => call.message).join("\n");
    expect(asked).not.toMatch(/how are you feeling|in your hands|suit your values|went well|keeps coming back/);
    expect(asked).toContain("CV and cover letter (1-5)");
    expect(asked).not.toContain("Preparation and research (1-5)");
    const picker = calls.find((call) => call.message.startsWith("Which would you like"))!;
    expect(choiceValues(picker)).not.toContain("first-glance");
    expect(answers.actions).toEqual([{ text: "Already planned" }]);
    expect(toReflection(answers, reflectionScope(content, entry), now).answers[0]!.answer).toBe(
      "My title and last job",
    );
  });

  it("passes Ctrl+C on, so the command saves nothing", async () => {
    const pending = run(
      rejection(),
      byMessage([
        [/how are you feeling/, 5],
        [/keeps coming back/, CTRL_C],
      ]),
    );
    await expect(pending).rejects.toMatchObject({ name: "ExitPromptError" });
  });
});

describe("reflecting again", () => {
  const reflected = () =>
    rejection({
      mood: 3,
      reflection: {
        ...toReflection({ ...emptyAnswers(), mood: 5 }, reflectionScope(content, rejection()), new Date(2026, 10, 10)),
      },
      actions: [
        { id: "act00001", text: "Mock interview", createdAt: "2026-11-10T10:00:00.000Z", due: "2026-11-20" },
        { id: "act00002", text: "Old one", createdAt: "2026-11-10T10:00:00.000Z", doneAt: "2026-11-12T10:00:00.000Z" },
      ],
    });

  it("is a check-in: mood, a note from the content, open steps to tick off, new steps", async () => {
    const { prompts, calls } = fakePrompts(
      byMessage([
        [/how are you feeling/, 8],
        [/What has changed for you/, "Two new interviews booked"],
        [/Have you done any of these/, ["act00001"]],
        [/^A next step/, "Prepare for Globex"],
        [/^By when/, "2026-12-01"],
      ]),
    );
    const said: string[] = [];
    const answers = await checkinFlow({
      prompts,
      entry: reflected(),
      content,
      preset: emptyAnswers(),
      now,
      say: (text) => said.push(text),
    });
    expect(answers).toMatchObject({
      mood: 8,
      note: "Two new interviews booked",
      done: ["act00001"],
      actions: [{ text: "Prepare for Globex", due: "2026-12-01" }],
    });
    expect(calls.some((call) => /thinking traps|think through/.test(call.message))).toBe(false);
    const tick = calls.find((call) => /Have you done any/.test(call.message))!;
    expect(choiceValues(tick)).toEqual(["act00001"]);
    expect(said.join("\n")).toContain("Mood so far: 3 (logged) → 5 (reflection)");
  });
});

describe("picking a rejection", () => {
  it("offers the pending ones and returns the chosen entry", async () => {
    const first = rejection({ company: "Acme" });
    const second = rejection({ company: "Globex" });
    const { prompts, calls } = fakePrompts(() => second.id);
    expect(await pickEntry(prompts, [first, second], now)).toBe(second);
    expect(choiceValues(calls[0]!)).toEqual([first.id, second.id]);
  });
});

describe("the mood question and reply", () => {
  const moodCall = (calls: Call[]) => calls.find((call) => call.kind === "input" && /1 \(awful\)/.test(call.message))!;

  it("does not say time has passed when reflecting the day it was logged", async () => {
    const today = await run(rejection({ date: "2026-11-24" }));
    expect(moodCall(today.calls).message).not.toMatch(/time has passed/);
    expect(moodCall(today.calls).message).toBe(content.prompts.mood);
    const later = await run(rejection({ date: "2026-11-10" }));
    expect(moodCall(later.calls).message).toMatch(/^Now that a little time has passed/);
  });

  it("keeps the gentle line for a low mood or a real drop, and a short one for a small dip", async () => {
    const said = async (logged: number, now: number) =>
      (await run(rejection({ mood: logged }), byMessage([[/1 \(awful\)/, now]]))).said;
    expect(await said(8, 7)).toMatch(/A little down from 8/);
    expect(await said(8, 7)).not.toMatch(/go gently/);
    expect(await said(8, 6)).toMatch(/go gently/);
    expect(await said(4, 3)).toMatch(/go gently/);
    expect(await said(3, 3)).toMatch(/go gently/);
    expect(await said(5, 5)).toMatch(/About the same/);
    expect(await said(5, 7)).toMatch(/Up from 5/);
  });
});

describe("the reflect mood question", () => {
  it("refuses anything but a whole number from 1 to 10 in the tool's own words", async () => {
    const { answers, calls } = await run(rejection(), byMessage([[/1 \(awful\)/, ["0", "2.5", "eleven", "6"]]]));
    const mood = calls.find((call) => /1 \(awful\)/.test(call.message))!;
    expect(mood.refused).toEqual(Array(3).fill("Please type a whole number from 1 to 10 (1 is awful, 10 is fine)"));
    expect(answers.mood).toBe(6);
  });
});

describe("the step ratings", () => {
  it("refuse anything but a whole number from 1 to 5 in the tool's own words, and Enter skips", async () => {
    const { answers, calls } = await run(
      rejection({ stage: "applied" }),
      byMessage([
        [/^Preparation and research/, ["6", "2.5", "abc", " 4 "]],
        [/^CV and cover letter/, [""]],
      ]),
    );
    const preparation = calls.find((call) => call.message.startsWith("Preparation and research"))!;
    expect(preparation.refused).toEqual(
      Array(3).fill("Please type a whole number from 1 to 5, or press Enter to skip"),
    );
    expect(answers.ratings).toEqual({ preparation: 4 });
  });
});

/**
 * Answers by the question's message, one from the list each time a question
 * matching it is asked (a refused try takes the next one too); questions no
 * pattern matches, or asked more often than there are answers, are skipped.
 */
const eachTime = (answers: readonly [RegExp, unknown[]][]): Responder => {
  const used = new Map<RegExp, number>();
  return (call) => {
    const match = answers.find(([pattern]) => pattern.test(call.message));
    if (!match) return undefined;
    const turn = used.get(match[0]) ?? 0;
    used.set(match[0], turn + 1);
    return match[1][turn];
  };
};

describe("the summary before a reflection is saved", () => {
  const entry = () => rejection({ stage: "applied", reasons: ["skills"], mood: 4 });
  const WALK: [RegExp, unknown[]][] = [
    [/how are you feeling/, [6]],
    [/^Which would you like to think through/, [["fit-requirements"]]],
    [/^How many of the must-have/, ["Most of them"]],
    [/^Preparation and research/, ["4"]],
    [/actually in your hands/, [["skills"]]],
    [/keeps coming back/, ["Nobody wants me"]],
    [/thinking traps/, ["overgeneralising"]],
    [/fair-minded friend/, ["One team said no"]],
    [/went well/, ["A tailored summary"]],
    [/differently next time/, ["Ask for a referral"]],
    [/^A next step/, ["Email Sam"]],
  ];
  const walk = (review: unknown[], changes: [RegExp, unknown[]][] = []) => {
    const merged = WALK.map(([pattern, answers]): [RegExp, unknown[]] => [
      pattern,
      [...answers, ...(changes.find(([other]) => other.source === pattern.source)?.[1] ?? [])],
    ]);
    const { prompts, calls } = fakePrompts(eachTime([[/^Does this look right/, review], ...merged, ...changes]));
    const said: string[] = [];
    const result = reflectFlow({ prompts, entry: entry(), content, scope: reflectionScope(content, entry()), preset: emptyAnswers(), now, say: (text) => said.push(stripAnsi(text)) }); // prettier-ignore
    return { result, calls, said };
  };

  it("shows every answer before saving, and Enter on it saves", async () => {
    const { result, calls, said } = walk([ENTER]);
    const answers = await result;
    expect(answers).toMatchObject({ mood: 6, wentWell: "A tailored summary", actions: [{ text: "Email Sam" }] });
    const review = calls.at(-1)!;
    expect(review.message).toBe("Does this look right?");
    expect(choiceValues(review)).toEqual(["save", "mood", "questions", "ratings", "inControl", "thought", "fit", "wentWell", "change", "actions", "stop"]); // prettier-ignore
    const summary = said.find((text) => text.includes("Mood now"))!;
    for (const text of [
      "6 of 10", "Most of them", "Preparation and research 4 of 5", "skills or experience", "Nobody wants me",
      "Overgeneralizing", "One team said no", "A tailored summary", "Ask for a referral", "Email Sam",
    ]) expect(summary).toContain(text); // prettier-ignore
  });

  it("asks a part again with the earlier answers as defaults, as often as needed, then saves the result", async () => {
    const { result, calls, said } = walk(
      ["mood", "thought", "wentWell", "actions", "save"],
      [
        [/how are you feeling/, [7]],
        [/keeps coming back/, [ENTER]],
        [/thinking traps/, [ENTER]],
        [/fair-minded friend/, ["One team said no, once"]],
        [/went well/, ["-"]],
        [/^Which of these steps do you want to keep/, [[]]],
        [/^A next step/, ["Apply to two roles"]],
      ],
    );
    const answers = (await result)!;
    expect(answers).toMatchObject({ mood: 7, thought: "Nobody wants me", trap: "overgeneralising" });
    expect(answers.balanced).toBe("One team said no, once");
    expect(answers.actions).toEqual([{ text: "Apply to two roles" }]);
    expect(toReflection(answers, reflectionScope(content, entry()), now).wentWell).toBeUndefined();
    const asked = (pattern: RegExp) => calls.filter((call) => pattern.test(call.message));
    expect(asked(/how are you feeling/).at(-1)!.config.default).toBe("6");
    expect(asked(/keeps coming back/).at(-1)!.config.default).toBe("Nobody wants me");
    expect(asked(/thinking traps/).at(-1)!.config.default).toBe("overgeneralising");
    const wentWell = asked(/went well/).at(-1)!;
    expect(wentWell.config.default).toBe("A tailored summary");
    expect(wentWell.message).toContain("Enter keeps your answer, - removes it");
    expect(asked(/^Does this look right/)).toHaveLength(5);
    // The summary is shown again after each change.
    const last = said.filter((text) => text.includes("Mood now")).at(-1)!;
    expect(last).toContain("7 of 10");
    expect(last).toContain("One team said no, once");
    expect(last).not.toContain("A tailored summary");
  });

  it("returns nothing when the person chooses not to save, and passes Ctrl+C on at the summary", async () => {
    expect(await walk(["stop"]).result).toBeUndefined();
    await expect(walk([CTRL_C]).result).rejects.toMatchObject({ name: "ExitPromptError" });
  });

  it("shows a check-in before saving it and lets a part be changed or the whole left unsaved", async () => {
    const entry = rejection({
      mood: 3,
      reflection: {
        ...toReflection({ ...emptyAnswers(), mood: 5 }, reflectionScope(content, rejection()), new Date(2026, 10, 10)),
      },
      actions: [{ id: "act00001", text: "Mock interview", createdAt: "2026-11-10T10:00:00.000Z" }],
    });
    const checkin = (review: unknown[]) => {
      const { prompts, calls } = fakePrompts(
        eachTime([
          [/^Does this look right/, review],
          [/how are you feeling/, [8]],
          [/What has changed for you/, ["Two interviews booked", "Three interviews booked"]],
          [/Have you done any of these/, [["act00001"]]],
        ]),
      );
      const said: string[] = [];
      const result = checkinFlow({ prompts, entry, content, preset: emptyAnswers(), now, say: (text) => said.push(stripAnsi(text)) }); // prettier-ignore
      return { result, calls, said };
    };
    const changed = checkin(["note", "save"]);
    expect(await changed.result).toMatchObject({ mood: 8, note: "Three interviews booked", done: ["act00001"] });
    const summary = changed.said.find((text) => text.includes("Mood now"))!;
    for (const text of ["8 of 10", "Two interviews booked", "Mock interview"]) expect(summary).toContain(text);
    expect(choiceValues(changed.calls.at(-1)!)).toEqual(["save", "mood", "note", "done", "actions", "stop"]);
    expect(await checkin(["stop"]).result).toBeUndefined();
  });
});
