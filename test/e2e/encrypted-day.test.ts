import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, runCliAsync, tempDir, type CliResult } from "../helpers/cli.js";
import { encodings, filesUnder, journalForm, secretsIn, secretsInNames } from "../helpers/encrypted-folder.js";
import { rejection } from "../helpers/fixtures.js";
import { PtySession } from "../helpers/pty.js";

/**
 * A day of use on an encrypted journal, through the built CLI off a terminal,
 * the passphrase in REJECTION_COACH_PASSPHRASE: logs, a reflection, a win,
 * next steps, feedback, an edit, a thought, a setting, a delete, doctor, an
 * import and exports. Afterwards no byte of any file in the data folder (the
 * journal, its seal, backups, settings, leftovers) holds a company name, a note
 * or a thought, in UTF-8, UTF-16LE or JSON-escaped, and no file name does.
 */
const PASS = "a long day of rejections";
const COMPANY = ["Quorvane Biolabs", "Hesketh & Marr Ltd", "Ytterbium Søftware"];
const DELETED = "Corvalis Deleted Group";
const IMPORTED = "Vexley Imported Partners";
const RENAMED = "Qantrell Renamed Labs";
const WIN_COMPANY = "Winsome Brightwater";
const TEXT = {
  note: "Felt the Pemberton whiteboard round went sideways",
  edited: "Edited: the Pemberton debrief helped after all",
  reasonGiven: "We chose someone with more Larchmont-scale Kubernetes depth",
  thought: "I always freeze when Okonkwo-Hale asks about scale",
  balanced: "Once I froze, twice I recovered at Tillbury",
  wentWell: "Explained the Marigold outage story calmly",
  change: "Rehearse the Gastonbury system design drill",
  action: "Practise the Gastonbury drill aloud",
  next: "Email Priyanka about the Fennimore referral",
  feedback: "Your Zanzibar caching answer was strong",
  contact: "Rosalind Achterberg",
  winTitle: "Finished the Oxbridgeton SQL course",
  tag: "marigold-hunt",
};
/** Typed to `thought`, which names traps and saves nothing. */
const THOUGHT_ONLY = "Nobody at Quillonmere will ever hire me";
const SECRETS = [...COMPANY, DELETED, IMPORTED, RENAMED, WIN_COMPANY, ...Object.values(TEXT), THOUGHT_ONLY];

let root: string;
let dir: string;
const env = { REJECTION_COACH_PASSPHRASE: PASS };

beforeAll(() => {
  root = tempDir("rc-enc-day-");
  dir = join(root, "home");
});
afterAll(() => removeDir(root));

async function cli(args: string[], input?: string): Promise<CliResult> {
  const result = await runCliAsync(args, { dataDir: dir, env, input });
  expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
  return result;
}
const idOf = (result: CliResult): string => (JSON.parse(result.stdout) as { id: string }).id;
const snapshot = (): Record<string, string> =>
  Object.fromEntries(filesUnder(dir).map((file) => [file, readFileSync(join(dir, file)).toString("base64")]));

describe("a day of use on an encrypted journal", () => {
  it("leaves no company, note or thought in any byte or name of the data folder", async () => {
    await cli(["encrypt"]);
    const logged: string[] = [];
    for (const [i, company] of [...COMPANY, DELETED].entries()) {
      const result = await cli([
        ...["log", "--company", company, "--role", "Engineer", "--stage", "interview", "--ended", "rejected"],
        ...["--reason", "skills", "--mood", "4", "--emotion", "sad", "--date", `2026-11-2${i}`, "--json"],
        ...(i === 0 ? ["--reason-given", TEXT.reasonGiven, "--note", TEXT.note, "--tag", TEXT.tag] : []),
      ]);
      logged.push(idOf(result));
    }
    const [first, second, , doomed] = logged as [string, string, string, string];

    await cli([
      ...["reflect", first, "--mood", "6", "--in-control", "interview", "--thought", TEXT.thought],
      ...["--trap", "overgeneralising", "--balanced", TEXT.balanced, "--fit", "partly"],
      ...["--went-well", TEXT.wentWell, "--change", TEXT.change, "--action", TEXT.action, "--due", "2099-01-15"],
    ]);
    await cli(["win", "--kind", "skill", "--title", TEXT.winTitle, "--company", WIN_COMPANY, "--json"]);
    await cli(["next", "add", second, ...TEXT.next.split(" "), "--due", "2099-02-01"]);
    const steps = JSON.parse((await cli(["next", "--json"])).stdout) as { id: string; text: string }[];
    await cli(["next", "done", steps.find((step) => step.text === TEXT.next)!.id]);
    await cli(["feedback", second, "--received", TEXT.feedback]);
    await cli(["feedback", second, "--kind", "reply", "--contact", TEXT.contact, "--sender", "Sam"]);
    await cli(["edit", first, "--company", RENAMED, "--note", TEXT.edited, "--json"]);

    // `thought` only reads: the data folder is the same before and after.
    const before = snapshot();
    const thought = await cli(["thought", "--json", THOUGHT_ONLY]);
    expect(thought.stdout).toContain(THOUGHT_ONLY);
    expect(snapshot()).toEqual(before);

    await cli(["config", "set", "name", "Sam Lee"]);
    await cli(["delete", doomed, "--yes"]);
    await cli(["doctor"]);
    await cli(["doctor", "--repair"]);
    const importFile = join(root, "import.json");
    writeFileSync(importFile, JSON.stringify({ version: 1, entries: [rejection({ company: IMPORTED })] }));
    await cli(["import", importFile]);
    for (const args of [["list"], ["show", second], ["stats"], ["next"], ["list", "--search", "Hesketh", "--json"]]) {
      await cli(args);
    }
    // Exports are plain by nature, and go to stdout, never into the data folder.
    const kept = [RENAMED, COMPANY[1]!, COMPANY[2]!, IMPORTED, WIN_COMPANY, TEXT.edited, TEXT.thought, TEXT.feedback];
    for (const format of ["md", "json", "yaml", "csv"]) {
      const exported = await cli(["export", "--format", format]);
      // A CSV row holds the entry's own fields, not its reflection or feedback.
      const shown = format === "csv" ? kept.slice(0, 6) : kept;
      for (const text of shown) expect(exported.stdout, `export --format ${format}`).toContain(text);
      expect(exported.stdout).not.toContain(DELETED);
    }

    // The search below can fail: the journal, opened, holds what the day wrote.
    const bytes = readFileSync(join(dir, "journal.json"));
    expect(bytes.subarray(0, 21).toString("latin1")).toBe("age-encryption.org/v1");
    const { plain, journal } = await journalForm(bytes, [PASS]);
    expect(journal.entries).toHaveLength(5);
    const inPlain = SECRETS.filter((secret) => encodings(secret).some((form) => plain.includes(form)));
    expect(inPlain.sort()).toEqual(
      [RENAMED, COMPANY[1]!, COMPANY[2]!, IMPORTED, WIN_COMPANY, ...Object.values(TEXT)]
        // Not kept: the first name before the edit, the note it replaced, the thought command's text, the deleted entry.
        .filter((text) => text !== TEXT.note)
        .sort(),
    );

    expect(filesUnder(dir).length).toBeGreaterThanOrEqual(2);
    expect(secretsIn(dir, SECRETS)).toEqual([]);
    expect(secretsInNames(dir, SECRETS)).toEqual([]);
  }, 180_000);
});

describe("an editor opened on an encrypted journal", () => {
  it("feedback --received in a terminal: the editor's file is outside the data folder, removed after, and the passphrase is not passed on", async () => {
    const home = join(root, "editor-home");
    const company = "Pellucid Orchardworks";
    const written = "Their Quibblethorpe feedback, written in the editor";
    const record = join(root, "editor-record.txt");
    // Records the file it was given, its mode and its folder's, whether the passphrase reached it, then writes the answer.
    const editor = join(root, "recording-editor.sh");
    writeFileSync(
      editor,
      `#!/bin/sh\nprintf '%s\\n%s\\n%s\\n%s\\n' "$1" "$(stat -c %a "$1")" "$(stat -c %a "$(dirname "$1")")" ` +
        `"\${REJECTION_COACH_PASSPHRASE:+passphrase-inherited}" > '${record}'\n` +
        `printf '%s\\n' '${written}' > "$1"\n`,
    );
    chmodSync(editor, 0o755);
    const run = (args: string[]) => runCliAsync(args, { dataDir: home, env });
    expect((await run(["encrypt"])).code).toBe(0);
    const logged = await run([
      ...["log", "--company", company, "--role", "Engineer", "--stage", "final", "--ended", "rejected"],
      ...["--mood", "5", "--json"],
    ]);
    expect(logged.code, logged.stderr).toBe(0);

    const session = new PtySession(["feedback", idOf(logged), "--received"], {
      dataDir: home,
      env: { ...env, EDITOR: editor, VISUAL: editor },
    });
    expect(await session.exited(), session.output).toBe(0);
    const [tempFile, mode, folderMode, inherited] = readFileSync(record, "utf8").split("\n") as string[];
    console.log(`feedback --received: the editor was given ${tempFile} (mode ${mode}, its folder ${folderMode})`);
    expect(tempFile!.startsWith(`${home}/`), tempFile).toBe(false);
    expect(existsSync(tempFile!), `${tempFile} is left behind with the plain feedback`).toBe(false);
    // The file follows the umask, but its folder (mkdtemp) is the owner's only while the editor is open.
    expect(folderMode, `${tempFile}: others can reach the plain feedback while the editor is open`).toBe("700");
    expect(inherited, "the editor inherited REJECTION_COACH_PASSPHRASE").toBe("");
    expect(existsSync(dirname(tempFile!)), "the editor's folder is removed too").toBe(false);

    const { journal } = await journalForm(readFileSync(join(home, "journal.json")), [PASS]);
    expect(JSON.stringify(journal)).toContain("Quibblethorpe");
    expect(secretsIn(home, [company, written, "Quibblethorpe"])).toEqual([]);
  }, 60_000);
});
