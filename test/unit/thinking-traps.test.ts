import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import type { Trap } from "../../src/content/schema.js";
import { MAX_SUGGESTIONS, MAX_THOUGHT_LENGTH, WEAK_WEIGHT, suggestTraps } from "../../src/coach/thinking-traps.js";

const traps = loadContent().reflection.traps;
const top = (thought: string, list: readonly Trap[] = traps) => suggestTraps(thought, list)[0]?.id;

/** A trap of the test's own, so the ordering rules do not hang on the wording of the content. */
const trap = (id: string, cues: string[]): Trap => ({
  id,
  name: `The ${id} trap`,
  description: "A description.",
  example: "An example.",
  question: "A question?",
  cues,
});

describe("suggestTraps with the built-in cues", () => {
  // Thoughts written for this test, not taken from the corpus.
  it.each([
    ["personalising", "It's because of me that they said no, I'm sure of it."],
    ["overgeneralising", "This always happens, I get close and lose it."],
    ["mind-reading", "The interviewer clearly thought I was out of my depth."],
    ["fortune-telling", "No point applying to the agency, I'll just get rejected again."],
    ["all-or-nothing", "The whole process was a complete waste of time."],
    ["catastrophising", "If this keeps up I'll end up homeless."],
    ["discounting-positives", "They praised my design, but they say that to everyone."],
    ["should-statements", "I should have this job hunting thing figured out by now."],
    ["labelling", "I'm such a failure."],
    ["comparing", "Everyone else from my course has a job except me."],
  ])("finds %s", (id, thought) => {
    expect(top(thought)).toBe(id);
  });

  it.each([
    ["mind-reading", "The assessor said little. She'll have thought my plan was naive."],
    ["mind-reading", "they swapped a look, obviously thought i was waffling"],
    ["comparing", "Everyone on my course is sorted and I'm still applying."],
    ["comparing", "A friend of mine got a traineeship on her first try."],
    ["personalising", "If I'd been a livelier person they'd have kept me on."],
    ["all-or-nothing", "If it's not a yes it's a failure, simple as that."],
    ["discounting-positives", "They called my pitch strong, but that's just what they tell everyone."],
  ])("finds %s in its shape, not only its usual words", (id, thought) => {
    expect(top(thought)).toBe(id);
  });

  it("names the trap and gives the words of the thought as typed", () => {
    expect(suggestTraps("Honestly?  This ALWAYS   happens to me.", traps)[0]).toEqual({
      id: "overgeneralising",
      label: "Overgeneralizing",
      cues: ["This ALWAYS   happens to me"],
    });
    expect(suggestTraps("I’m such an idiot", traps)[0]?.cues).toEqual(["I’m such an idiot"]);
  });

  it("does not suggest a trap that a negation turns around", () => {
    expect(top("It was all my fault.")).toBe("personalising");
    expect(suggestTraps("It was not all my fault.", traps)).toEqual([]);
    expect(suggestTraps("I don't think it was all my fault.", traps)).toEqual([]);
    expect(top("I'm a failure.")).toBe("labelling");
    expect(suggestTraps("I'm not a failure, I just didn't get this one.", traps)).toEqual([]);
    expect(suggestTraps("im not a failure", traps)).toEqual([]);
  });

  it("does not suggest a trap for words someone else said, quoted or reported", () => {
    expect(top("Nobody ever hires people from my background.")).toBe("overgeneralising");
    expect(suggestTraps(`My coach said "nobody ever hires people straight away".`, traps)).toEqual([]);
    expect(suggestTraps("'Nobody ever hires people straight away', my coach joked.", traps)).toEqual([]);
    expect(suggestTraps("My coach said nobody ever hires people straight away.", traps)).toEqual([]);
    expect(suggestTraps("I was told nobody ever hires people straight away.", traps)).toEqual([]);
    // The person's own words after someone else's are theirs again.
    expect(top("She said it went fine, but I know nobody ever hires people my age.")).toBe("overgeneralising");
    expect(top("When he said 'fine' he obviously meant it was terrible.")).toBe("mind-reading");
    // "I said" and "I told myself" are the person's own words.
    expect(top("I told myself nobody ever hires people my age.")).toBe("overgeneralising");
  });

  it("suggests nothing for plain feelings, facts, plans and balanced views", () => {
    for (const thought of [
      "I'm sad and I want to watch a film tonight.",
      "The job asked for five years of React and I have two.",
      "I should send the recruiter a short thank-you note.",
      "One round went badly and the other two went well.",
      "Another no this week. I'll rest and look again on Monday.",
      "They went with someone who had already done the role elsewhere.",
      "I'm proud I reached the last round.",
      "",
      "   ",
    ]) {
      expect(suggestTraps(thought, traps), thought).toEqual([]);
    }
  });

  it("lets every built-in trap bring cues of its own", () => {
    for (const { id, cues } of traps) expect(cues.length, id).toBeGreaterThan(5);
  });

  it("uses a cue a person added to a built-in trap", () => {
    const thought = "Ghosted by yet another startup.";
    expect(suggestTraps(thought, traps)).toEqual([]);
    const own = traps.map((each) =>
      each.id === "overgeneralising" ? { ...each, cues: [...each.cues, "yet another"] } : each,
    );
    expect(suggestTraps(thought, own)).toEqual([
      { id: "overgeneralising", label: "Overgeneralizing", cues: ["yet another"] },
    ]);
  });
});

describe("suggestTraps ordering and limits", () => {
  const list = [trap("first", ["apple", "pear"]), trap("second", ["plum ... cake"]), trap("third", ["cherry"])];

  it("puts the trap with more separate passages first", () => {
    expect(suggestTraps("cherry, apple and then a pear", list).map((s) => s.id)).toEqual(["first", "third"]);
  });

  it("breaks a tie by the longer passage, then by the order of the content", () => {
    expect(suggestTraps("apple and plum tart cake", list).map((s) => s.id)).toEqual(["second", "first"]);
    expect(suggestTraps("cherry and apple", list).map((s) => s.id)).toEqual(["first", "third"]);
    expect(suggestTraps("apple and cherry", list).map((s) => s.id)).toEqual(["first", "third"]);
  });

  it("counts overlapping matches as one passage and lists each passage once", () => {
    const overlapping = [trap("one", ["red apple", "apple pie"]), trap("two", ["pie", "tea"])];
    const [first, second] = suggestTraps("red apple pie and tea", overlapping);
    expect(first).toMatchObject({ id: "two", cues: ["pie", "tea"] });
    expect(second).toMatchObject({ id: "one", cues: ["red apple pie"] });
    expect(suggestTraps("apple, apple, apple", list)[0]?.cues).toEqual(["apple"]);
  });

  it(`suggests at most ${MAX_SUGGESTIONS} traps`, () => {
    const many = ["a", "b", "c", "d", "e"].map((word) => trap(`trap-${word}`, [`${word}word`]));
    expect(suggestTraps("aword bword cword dword eword", many)).toHaveLength(MAX_SUGGESTIONS);
  });

  it("reads only the start of a long paste, and never half a word", () => {
    const filler = "word ".repeat(MAX_THOUGHT_LENGTH);
    expect(suggestTraps(`cherry ${filler} apple`, list).map((s) => s.id)).toEqual(["third"]);
    // "apple" crosses the limit: the cut falls before it, so "ap" cannot match "ap*".
    const crossing = `${"x".repeat(MAX_THOUGHT_LENGTH - 3)} apple`;
    expect(suggestTraps(crossing, [trap("prefix", ["ap*"])])).toEqual([]);
    expect(suggestTraps(crossing.slice(0, MAX_THOUGHT_LENGTH), [trap("prefix", ["ap*"])])).toHaveLength(1);
    const megabyte = `I'm such an idiot. ${"and on ".repeat(150_000)}`;
    expect(suggestTraps(megabyte, traps).map((s) => s.id)).toEqual(["labelling"]);
  });
});

describe("suggestTraps with weak cues", () => {
  const list = [trap("broad", ["~always", "~every time", "lose"]), trap("plain", ["tea"])];
  const ids = (thought: string, traps: readonly Trap[] = list) => suggestTraps(thought, traps).map((s) => s.id);

  it(`counts a passage only weak cues match as ${WEAK_WEIGHT}, so a weak cue alone suggests nothing`, () => {
    expect(ids("I always make tea")).toEqual(["plain"]);
    expect(ids("I always lose")).toEqual(["broad"]);
    expect(ids("every time, always")).toEqual(["broad"]);
    expect(suggestTraps("I always lose", list)[0]?.cues).toEqual(["always", "lose"]);
  });

  it("counts a weak passage only beside another passage of the trap in its sentence", () => {
    expect(ids("Every time, always.")).toEqual(["broad"]);
    expect(ids("Every time. Always.")).toEqual([]);
    expect(ids("Every time I lose. Always.")).toEqual(["broad"]);
    expect(top("Someone else got it. Every time I apply I learn something.")).toBeUndefined();
    expect(top("Every time I get close they pick someone else.")).toBe("overgeneralising");
  });

  it("counts the same weak words again as nothing", () => {
    expect(ids("always, always, always")).toEqual([]);
    expect(ids("Always and always lose")).toEqual(["broad"]);
  });

  it("ranks two weak passages below a trap with two passages of plain cues", () => {
    const both = [...list, trap("two", ["cake", "pie"])];
    expect(ids("always cake, every time pie", both)).toEqual(["two", "broad"]);
  });

  it("counts a passage in full when a plain cue matches it too, and a cue listed both ways as plain", () => {
    expect(ids("every time I lose", [trap("overlap", ["~every time", "time i lose"])])).toEqual(["overlap"]);
    expect(ids("always", [trap("twice", ["~always", "always"])])).toEqual(["twice"]);
  });

  it("keeps plain thoughts with the built-in weak cues free of a trap", () => {
    for (const thought of [
      "Every time I interview I learn something new.",
      "I always prepare the night before, and it helps.",
      "As usual I wrote my notes straight after the call.",
      "Everyone else on the shortlist was lovely to talk to.",
    ]) {
      expect(suggestTraps(thought, traps), thought).toEqual([]);
    }
    expect(top("Another no, like all the others.")).toBe("overgeneralising");
  });

  it("reads a rule about every application in a universal phrase alone, or a broad word beside an outcome", () => {
    // Phrases that state the rule outright need nothing beside them.
    for (const thought of [
      "Honestly nothing ever works out with my applications.",
      "It's always the same with these councils.",
      "None of them ever ring back.",
      "Publishers never take newcomers, full stop.",
      "Every door stays shut to me in this city.",
    ]) {
      expect(top(thought), thought).toBe("overgeneralising");
    }
    // A broad word ("every", "always") counts beside an outcome ("knocked back", "the same answer").
    expect(top("Knocked back by a third shop, every shop in town gives the same answer.")).toBe("overgeneralising");
    expect(top("Every company gives the same answer.")).toBe("overgeneralising");
    expect(suggestTraps("Every company has its own answer.", traps)).toEqual([]);
  });

  it("keeps a plain account of a repeated event, or a plan, free of a trap", () => {
    for (const thought of [
      "Every interview I sit, I write the questions down afterwards.",
      "I was knocked back for the grant, so I'm asking what to work on.",
      "It went wrong at the same point as last time, so that's what I'll practise.",
      "My classmates and I share openings, and I'm still learning.",
      "They decided on the spot to give it to the other finalist.",
      "My cousin landed an offer straight away and we went out to celebrate.",
    ]) {
      expect(suggestTraps(thought, traps), thought).toEqual([]);
    }
    // Someone else's offer is a comparison only beside the person's own lack.
    expect(top("My cousin landed an offer straight away while I'm still stuck.")).toBe("comparing");
  });
});

describe("suggestTraps with words typed without an apostrophe", () => {
  it("matches a cue word with an apostrophe typed without it", () => {
    const list = [trap("casual", ["i'm done", "they'll say no"])];
    expect(suggestTraps("im done", list).map((s) => s.id)).toEqual(["casual"]);
    expect(suggestTraps("theyll say no", list)[0]?.cues).toEqual(["theyll say no"]);
    expect(top("theyll just say no")).toBe("fortune-telling");
  });

  it("does not when dropping it makes another word", () => {
    const list = [trap("casual", ["we're through", "i'll go", "it's over"])];
    expect(suggestTraps("were through, ill go, its over", list)).toEqual([]);
    expect(suggestTraps("we're through", list)).toHaveLength(1);
  });
});
