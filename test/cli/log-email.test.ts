import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RejectionEntry } from "../../src/journal/entry.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { storedJournal } from "../helpers/stored-journal.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const run = (args: string[], input?: string) => runInProcess(args, { dataDir, input });
const corpus = (name: string) => join(import.meta.dirname, "../corpora/emails", name);
const saved = () => storedJournal(dataDir).entries as RejectionEntry[];
const journalText = () => readFileSync(join(dataDir, "journal.json"), "utf8");

describe("log --email, off a terminal", () => {
  it("saves what the email says, with the reason they gave in their words", async () => {
    const result = await run(["log", "--email", corpus("10-filled-internally.txt"), "--mood", "5", "--json"]);
    expect(result.stderr).toContain("From their email:");
    expect(result.code).toBe(0);
    const entry = JSON.parse(result.stdout) as RejectionEntry;
    expect(entry).toMatchObject({
      company: "Redwood Valley Credit Union",
      role: "Senior Accountant",
      stage: "interview",
      ended: "role-closed",
      reasons: ["internal"],
      mood: 5,
    });
    expect(entry.reasonGiven).toContain("fill the role with an internal candidate");
    expect(saved()).toEqual([entry]);
  });

  it("reads the email from standard input with -", async () => {
    const email = readFileSync(corpus("09-offer-withdrawn-budget.txt"), "utf8");
    const result = await run(["log", "--email", "-", "--mood", "3"], email);
    expect(result.code).toBe(0);
    expect(saved()[0]).toMatchObject({
      company: "Quillstream",
      stage: "offer",
      ended: "role-closed",
      reasons: ["cancelled"],
    });
  });

  it("lets the flags win over the email, and drops a likely reason that contradicts a flag", async () => {
    const result = await run([
      "log",
      "--email",
      corpus("09-offer-withdrawn-budget.txt"),
      "--company",
      "Quillstream Ltd",
      "--ended",
      "rejected",
      "--mood",
      "3",
    ]);
    expect(result.code).toBe(0);
    const [entry] = saved();
    expect(entry).toMatchObject({ company: "Quillstream Ltd", role: "Data Engineer", ended: "rejected" });
    // "cancelled" cannot go with a clear no.
    expect(entry!.reasons).not.toContain("cancelled");
    expect(result.stderr).not.toMatch(/Company\s+Quillstream\b(?! Ltd)/);
  });

  it("names the flags still missing when the email does not say, and saves nothing", async () => {
    const path = join(dataDir, "short.txt");
    writeFileSync(
      path,
      "Hi,\n\nThanks for your interest. Unfortunately we will not be moving forward.\n\nBest wishes\n",
    );
    const result = await run(["log", "--email", path, "--mood", "4"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing --company, --role.*: the email does not say/);
    expect(result.stderr).not.toContain("--mood");
    expect(() => journalText()).toThrow();
  });

  it("keeps the email only with --keep-email", async () => {
    const file = corpus("03-phone-screen-skills.txt");
    expect((await run(["log", "--email", file, "--mood", "4", "--ended", "rejected"])).code).toBe(0);
    expect(saved()[0]).not.toHaveProperty("email");
    // The recipient's name and the recruiter's phone number are in the email, and so not in the journal.
    expect(journalText()).not.toContain("Tomás");
    expect(journalText()).not.toContain("555-0143");

    const kept = await run([
      "log",
      "--email",
      file,
      "--mood",
      "4",
      "--ended",
      "rejected",
      "--keep-email",
      "--allow-duplicate",
    ]);
    expect(kept.code).toBe(0);
    expect(saved()[1]!.email).toBe(readFileSync(file, "utf8"));
  });

  it("forgets a kept email with edit --forget-email, and says so when none is kept", async () => {
    const file = corpus("10-filled-internally.txt");
    const logged = await run(["log", "--email", file, "--mood", "4", "--keep-email", "--json"]);
    const { id } = JSON.parse(logged.stdout) as RejectionEntry;
    expect(journalText()).toContain("Carla Jimenez");
    const forgot = await run(["edit", id, "--forget-email"]);
    expect(forgot.code).toBe(0);
    expect(forgot.stderr).toContain("their email is no longer kept");
    expect(journalText()).not.toContain("Carla Jimenez");
    expect(saved()[0]).toMatchObject({ company: "Redwood Valley Credit Union", role: "Senior Accountant" });
    const again = await run(["edit", id, "--forget-email"]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`No email is kept with ${id}`);
  });

  it("reads an email saved as UTF-16 with its byte-order mark, and refuses one that is not text", async () => {
    const utf16 = join(dataDir, "windows.txt");
    const text = readFileSync(corpus("10-filled-internally.txt"), "utf8");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const read = await run(["log", "--email", utf16, "--mood", "4", "--json"]);
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({
      company: "Redwood Valley Credit Union",
      role: "Senior Accountant",
    });

    const binary = join(dataDir, "no-mark.txt");
    writeFileSync(binary, Buffer.from(text, "utf16le"));
    const refused = await run(["log", "--email", binary, "--mood", "4", "--allow-duplicate"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("does not look like text");
  });

  it("keeps no blank email, even with --keep-email", async () => {
    const blank = join(dataDir, "blank.txt");
    writeFileSync(blank, "   \n\n");
    const result = await run(["log", "--email", blank, "--keep-email", "--company", "A", "--role", "B", "--stage", "applied", "--ended", "rejected", "--mood", "4", "--json"]); // prettier-ignore
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).not.toHaveProperty("email");
  });

  it("drops an ending guessed from the email that the --reason flags rule out, and never saves the two together", async () => {
    // The email says no after a final round; --reason canceled says the role went away.
    const result = await run([
      "log",
      "--email",
      corpus("08-final-panel-competition.txt"),
      "--reason",
      "canceled",
      "--mood",
      "3",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing --ended/);
    expect(() => journalText()).toThrow();
    const settled = await run(["log", "--email", corpus("08-final-panel-competition.txt"), "--reason", "canceled", "--ended", "role-closed", "--mood", "3", "--json"]); // prettier-ignore
    expect(settled.code, settled.stderr).toBe(0);
    expect(JSON.parse(settled.stdout)).toMatchObject({ ended: "role-closed", reasons: ["cancelled"] });
  });

  it("names a missing --mood before reading a pasted email", async () => {
    const result = await run(["log", "--email", "-"], "Dear Sam, we regret...");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing --mood");
  });

  it("refuses --forget-email with other changes, changing nothing", async () => {
    const logged = await run([
      "log",
      "--email",
      corpus("10-filled-internally.txt"),
      "--mood",
      "4",
      "--keep-email",
      "--json",
    ]);
    const { id } = JSON.parse(logged.stdout) as RejectionEntry;
    const before = journalText();
    const mixed = await run(["edit", id, "--forget-email", "--mood", "8"]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain("--forget-email goes on its own");
    expect(journalText()).toBe(before);
  });

  it("refuses what cannot be an email, with exit 2 and nothing saved", async () => {
    const folder = join(dataDir, "a-folder");
    mkdirSync(folder);
    const big = join(dataDir, "big.txt");
    writeFileSync(big, "x".repeat(300 * 1024));
    const cases: [string[], RegExp][] = [
      [["--email", join(dataDir, "nope.txt")], /--email .*nope\.txt: cannot be read: no such file/],
      [["--email", folder], /--email .*a-folder: is a folder, not an email/],
      [["--email", big], /--email .*big\.txt: is larger than 256 KB/],
      [["--keep-email"], /--keep-email keeps the email that --email reads/],
      [["--email", "-", "--note", "-"], /--email - and --note - cannot both read standard input/],
    ];
    for (const [flags, message] of cases) {
      const result = await run([
        "log",
        ...flags,
        "--company",
        "A",
        "--role",
        "B",
        "--stage",
        "applied",
        "--ended",
        "rejected",
        "--mood",
        "4",
      ]);
      expect(result.code, flags.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(() => journalText()).toThrow();
  });

  it("refuses standard input larger than an email, before reading it all", async () => {
    const result = await run(["log", "--email", "-", "--mood", "4"], "a".repeat(257 * 1024));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--email standard input: is larger than 256 KB");
  });
});
