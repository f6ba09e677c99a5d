import { describe, expect, it } from "vitest";
import { cueProblem, findCues } from "../../src/coach/cues.js";

const words = (text: string, cues: string[], options = {}) => findCues(text, cues, options).map((match) => match.words);

describe("cue phrases", () => {
  it("match whole words whatever the case, and give the words as written", () => {
    expect(words("This ALWAYS happens", ["always"])).toEqual(["ALWAYS"]);
    expect(words("hallways are long", ["always"])).toEqual([]);
  });

  it("treat a curly apostrophe as a straight one, both ways", () => {
    expect(words("I’m useless", ["i'm useless"])).toEqual(["I’m useless"]);
    expect(words("I'm useless", ["i’m useless"])).toEqual(["I'm useless"]);
  });

  it("match a prefix with * and a choice of words with |", () => {
    expect(words("They hired someone else", ["hire*"])).toEqual(["hired"]);
    expect(words("a panel interview", ["panel|board interview*"])).toEqual(["panel interview"]);
    expect(words("a panel chat", ["panel|board interview*"])).toEqual([]);
    expect(words("the final test", ["final|last test|task"])).toEqual(["final test"]);
  });

  it("let ... stand for up to three words, and no more", () => {
    expect(words("nobody is going to hire me", ["nobody ... hire"])).toEqual(["nobody is going to hire"]);
    expect(words("nobody hire", ["nobody ... hire"])).toEqual(["nobody hire"]);
    expect(words("nobody is ever really going to hire", ["nobody ... hire"])).toEqual([]);
  });

  it("never match across the end of a sentence or a blank line", () => {
    expect(words("I applied. Never heard back", ["applied never"])).toEqual([]);
    expect(words("nobody\n\nwill hire", ["nobody ... hire"])).toEqual([]);
    expect(words("nobody\nwill hire", ["nobody ... hire"])).toEqual(["nobody\nwill hire"]);
  });

  it("split a hyphenated cue the way the text's words split", () => {
    expect(words("the take-home task", ["take-home"])).toEqual(["take-home"]);
    expect(words("the take home task", ["take-home"])).toEqual(["take home"]);
  });

  it("skip a negated match only when asked, and only within its clause", () => {
    expect(words("It was not my fault", ["my fault"], { skipNegated: true })).toEqual([]);
    expect(words("I don't think it was my fault at all", ["my fault"], { skipNegated: true })).toEqual([]);
    expect(words("I do not believe this is my fault", ["my fault"], { skipNegated: true })).toEqual([]);
    expect(words("It was my fault, not theirs", ["my fault"], { skipNegated: true })).toEqual(["my fault"]);
    expect(words("It's not the money, but it was my fault", ["my fault"], { skipNegated: true })).toEqual(["my fault"]);
    expect(words("It was not my fault", ["my fault"])).toEqual(["my fault"]);
  });

  it("skip words inside double quotation marks only when asked", () => {
    const text = `She told me "you always rush" and I always do`;
    expect(findCues(text, ["always"], { skipQuoted: true }).map((match) => match.start)).toEqual([
      text.lastIndexOf("always"),
    ]);
    expect(words(`“never again” he said`, ["never"], { skipQuoted: true })).toEqual([]);
    expect(words(text, ["always"])).toHaveLength(2);
  });

  it("skip words inside single quotation marks, but not after an apostrophe", () => {
    const options = { skipQuoted: true };
    expect(words("The email said 'we never forget a face'", ["never"], options)).toEqual([]);
    expect(words("‘never again’ was all he wrote", ["never"], options)).toEqual([]);
    expect(words("I don't know, they'll never call", ["never"], options)).toEqual(["never"]);
    expect(words("the candidates' room: I never fit in", ["never"], options)).toEqual(["never"]);
  });

  it("skip words someone else is reported to have said only when asked, up to the end of their clause", () => {
    const options = { skipReported: true };
    expect(words("She said nobody gets hired here", ["nobody"], options)).toEqual([]);
    expect(words("I was told nobody gets hired here", ["nobody"], options)).toEqual([]);
    expect(words("According to him nobody gets hired", ["nobody"], options)).toEqual([]);
    expect(words("She said it was fine, but nobody gets hired", ["nobody"], options)).toEqual(["nobody"]);
    expect(words("He said 'fine' and nobody gets hired", ["nobody"], options)).toEqual(["nobody"]);
    expect(words("I said nobody gets hired here", ["nobody"], options)).toEqual(["nobody"]);
    expect(words("I told myself nobody gets hired", ["nobody"], options)).toEqual(["nobody"]);
    expect(words("She said nobody gets hired here", ["nobody"])).toEqual(["nobody"]);
  });

  it("let no gap pass over a negation when negations are skipped", () => {
    expect(words("I'm not a failure", ["i'm ... failure"], { skipNegated: true })).toEqual([]);
    expect(words("I'm a total failure", ["i'm ... failure"], { skipNegated: true })).toEqual(["I'm a total failure"]);
    expect(words("I'm not a failure", ["i'm ... failure"])).toEqual(["I'm not a failure"]);
    expect(words("I'm not a real one", ["i'm not ... real"], { skipNegated: true })).toEqual(["I'm not a real"]);
  });

  it("read a negation typed without its apostrophe, and a 'no' that is the answer itself", () => {
    const options = { skipNegated: true };
    expect(words("it wasnt my fault", ["my fault"], options)).toEqual([]);
    expect(words("i dont think it was my fault", ["my fault"], options)).toEqual([]);
    expect(words("I never said it was my fault", ["my fault"], options)).toEqual([]);
    expect(words("Another no feels like my fault", ["my fault"], options)).toEqual(["my fault"]);
    expect(words("a quick no, my fault again", ["my fault"], options)).toEqual(["my fault"]);
    expect(words("no, my fault", ["my fault"], options)).toEqual(["my fault"]);
  });

  it("give the place of each match in the text", () => {
    const [match] = findCues("well, they never call", ["never call"]);
    expect(match).toEqual({ cue: "never call", words: "never call", start: 11, end: 21 });
  });

  it("name what is wrong with a cue that cannot work", () => {
    expect(cueProblem("always")).toBeUndefined();
    expect(cueProblem("no one ... hire*")).toBeUndefined();
    expect(cueProblem("   ")).toBe("is empty");
    expect(cueProblem("... hire")).toMatch(/cannot start or end/);
    expect(cueProblem("a ... ... b")).toMatch(/twice in a row/);
    expect(cueProblem("a|take-home")).toMatch(/one word/);
    expect(cueProblem("a !!!")).toMatch(/no word/);
    // A leading "~" marks a weak cue; anywhere else it marks nothing.
    expect(cueProblem("~every|each time")).toBeUndefined();
    expect(cueProblem("every ~time")).toMatch(/'~' after its start/);
  });

  it("read a weak cue's words without its mark", () => {
    expect(findCues("every time", ["~every time"]).map((match) => match.words)).toEqual(["every time"]);
  });

  it("stay quick on a long paste", () => {
    const text = "always never nobody ".repeat(20_000);
    const cues = Array.from({ length: 50 }, (_, index) => `word${index} ... other${index}`);
    // Counted in steps, not timed: every cue's first word is checked once per token.
    expect(findCues(text, [...cues, "always never"]).length).toBe(20_000);
  });
});
