import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import {
  actionParsers,
  listParser,
  pairParser,
  reasonsParser,
  repeatParser,
  wholeNumberParser,
} from "../../src/commands/option-parsers.js";
import { REASONS } from "../../src/journal/vocabulary.js";
import { wholeNumberIn } from "../../src/journal/whole-number.js";

describe("wholeNumberIn", () => {
  it("reads a whole number in the range, spaces around it allowed", () => {
    expect(wholeNumberIn("7", 1, 10)).toBe(7);
    expect(wholeNumberIn(" 10 ", 1, 10)).toBe(10);
    expect(wholeNumberIn("1", 1)).toBe(1);
  });

  it("refuses anything else", () => {
    for (const text of ["", " ", "0", "11", "7.5", "1e1", "seven", "+3", "-1", "0x5"]) {
      expect(wholeNumberIn(text, 1, 10)).toBeUndefined();
    }
    expect(wholeNumberIn("99999999999999999999", 1)).toBeUndefined();
  });
});

describe("option parsers", () => {
  it("a whole-number flag refuses in the caller's words, or says the range", () => {
    expect(wholeNumberParser(1, 5)("3")).toBe(3);
    expect(() => wholeNumberParser(1, 5)("6")).toThrow(new InvalidArgumentError("must be a whole number from 1 to 5"));
    expect(() => wholeNumberParser(1, undefined, "It must be a whole number of 1 or more.")("0")).toThrow(
      "It must be a whole number of 1 or more.",
    );
  });

  it("a list flag takes repeats and commas, in either spelling, kept as stored ids", () => {
    const parse = listParser(REASONS);
    expect(parse("interview", parse("skills , ", []))).toEqual(["skills", "interview"]);
    expect(() => parse("luck")).toThrow(/^Allowed choices are /);
    expect(listParser()("a,,b")).toEqual(["a", "b"]);
  });

  it("reasons take none, any case, without repeats", () => {
    expect(reasonsParser("none", ["skills"])).toEqual(["skills"]);
    expect(reasonsParser("Skills,skills")).toEqual(["skills"]);
    expect(() => reasonsParser("luck")).toThrow(/^'luck' is not a reason \(reasons: .*, or none\)$/);
  });

  it("key=value pairs collect into one record, a refusal naming the key", () => {
    const rate = pairParser("--rate", wholeNumberParser(1, 5));
    expect(rate("b=2", rate("a=1"))).toEqual({ a: 1, b: 2 });
    expect(() => rate("a")).toThrow("write it as --rate ID=VALUE");
    expect(() => rate("a=9")).toThrow("'a': must be a whole number from 1 to 5");
  });

  it("a repeated flag keeps each value; a --due belongs to the --action before it", () => {
    expect(repeatParser("b", repeatParser("a"))).toEqual(["a", "b"]);
    const { action, due } = actionParsers();
    expect(() => due("friday")).toThrow("put --due after the --action it belongs to");
    const steps = action(" Call Sam ");
    due("friday");
    expect(() => due("monday")).toThrow("each --action takes one --due");
    expect(() => action("  ", steps)).toThrow("a next step needs some text");
    expect(steps).toEqual([{ text: "Call Sam", due: "friday" }]);
  });
});
