import { stringify } from "yaml";
import { isRejection, type Entry, type Reflection, type RejectionEntry } from "../journal/entry.js";
import { spelledId } from "../journal/vocabulary.js";
import { visibleLine, visibleText, dayOf } from "./clean.js";

/*
 * Markdown for note apps. One stream (stdout, `>> notes.md`) has a `##` heading
 * per entry, with the facts as a short list under it, so entries appended to a
 * running notes file stay separate sections. A note per entry (`--per-file`)
 * starts with a YAML front matter block instead: Obsidian and similar vaults
 * show it as the note's properties and can search and sort by them.
 */

const heading = (level: number, text: string): string => `${"#".repeat(level)} ${visibleLine(text)}`;

/** A list item; later lines of a multi-line text are indented so they stay inside it. */
const item = (text: string, marker = "-"): string => `${marker} ${visibleText(text).split("\n").join("\n  ")}`;

const quote = (text: string): string =>
  visibleText(text)
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");

/** The title of an entry: what it was about. */
function entryTitle(entry: Entry): string {
  if (isRejection(entry)) return `${entry.company} · ${entry.role}`;
  return entry.company ? `Win: ${entry.title} · ${entry.company}` : `Win: ${entry.title}`;
}

const openActions = (entry: RejectionEntry): number => entry.actions.filter((action) => !action.doneAt).length;

/** The facts of an entry as a list, for the one-stream form. */
function factList(entry: Entry): string {
  const facts: [string, string | undefined][] = isRejection(entry)
    ? [
        ["Kind", "rejection"],
        ["Stage", entry.stage],
        ["Ended", entry.ended],
        ["Mood", `${entry.mood}/10`],
        ["Feelings", entry.emotions.join(", ") || undefined],
        ["Reasons", entry.reasons.map(spelledId).join(", ") || undefined],
        ["Contact", entry.contact],
      ]
    : [
        ["Kind", `win (${entry.winKind})`],
        ["Company", entry.company],
      ];
  facts.push(["Tags", entry.tags.join(", ") || undefined], ["Id", `\`${entry.id}\``]);
  return facts
    .filter((fact): fact is [string, string] => fact[1] !== undefined)
    .map(([label, value]) => `- ${label}: ${visibleLine(value)}`)
    .join("\n");
}

/** The facts of an entry as note properties. */
function properties(entry: Entry): Record<string, unknown> {
  const common = {
    id: entry.id,
    kind: entry.kind,
    date: entry.date,
    // Vault tags cannot hold spaces.
    tags: entry.tags.map((tag) => visibleLine(tag).replace(/\s+/g, "-")),
  };
  if (!isRejection(entry)) {
    return {
      ...common,
      winKind: entry.winKind,
      title: visibleLine(entry.title),
      ...(entry.company ? { company: visibleLine(entry.company) } : {}),
    };
  }
  return {
    ...common,
    company: visibleLine(entry.company),
    role: visibleLine(entry.role),
    stage: entry.stage,
    ended: entry.ended,
    mood: entry.mood,
    emotions: entry.emotions,
    reasons: entry.reasons,
    ...(entry.contact ? { contact: visibleLine(entry.contact) } : {}),
    reflected: Boolean(entry.reflection),
    openActions: openActions(entry),
  };
}

function reflectionLines(reflection: Reflection): string[] {
  const lines = [`Written ${dayOf(reflection.createdAt)}, mood ${reflection.mood}/10.`, ""];
  const items: string[] = [];
  for (const answer of reflection.answers) {
    items.push(`- **${visibleLine(answer.question)}**${answer.answer ? `\n  ${item(answer.answer).slice(2)}` : ""}`);
  }
  for (const rating of reflection.ratings) items.push(item(`${rating.label}: ${rating.rating}/5`));
  if (reflection.inControl.length) items.push(item(`In my control: ${reflection.inControl.map(spelledId).join(", ")}`));
  if (reflection.outOfControl.length)
    items.push(item(`Outside my control: ${reflection.outOfControl.map(spelledId).join(", ")}`));
  if (reflection.thought) {
    items.push(item(`Thought: ${reflection.thought.thought}`));
    if (reflection.thought.trap) items.push(item(`Thinking trap: ${spelledId(reflection.thought.trap)}`));
    if (reflection.thought.balanced) items.push(item(`A more balanced view: ${reflection.thought.balanced}`));
  }
  if (reflection.fit) {
    items.push(item(`Was it a fit? ${reflection.fit}${reflection.fitNote ? `: ${reflection.fitNote}` : ""}`));
  }
  if (reflection.wentWell) items.push(item(`Went well: ${reflection.wentWell}`));
  if (reflection.change) items.push(item(`Would do differently: ${reflection.change}`));
  return [...lines, ...items];
}

/** The sections under an entry's title: reason given, note, reflection, check-ins, feedback, actions. */
function sections(entry: Entry, level: number): string[] {
  const blocks: string[] = [];
  const section = (title: string, body: string) => blocks.push(heading(level, title), "", body, "");
  if (isRejection(entry) && entry.reasonGiven) section("Reason they gave", quote(entry.reasonGiven));
  if (entry.note) section("Note", visibleText(entry.note));
  if (isRejection(entry) && entry.email) section("Their email", quote(entry.email.trim()));
  if (isRejection(entry)) {
    if (entry.reflection) section("Reflection", reflectionLines(entry.reflection).join("\n"));
    if (entry.checkins.length) {
      section(
        "Check-ins",
        entry.checkins
          .map((checkin) =>
            item(`${dayOf(checkin.at)}: mood ${checkin.mood}/10${checkin.note ? `. ${checkin.note}` : ""}`),
          )
          .join("\n"),
      );
    }
    if (entry.feedback.length) {
      section(
        "Feedback received",
        entry.feedback.map((feedback) => item(`${dayOf(feedback.receivedAt)}: ${feedback.text}`)).join("\n"),
      );
    }
  }
  if (entry.actions.length) {
    section(
      "Actions",
      entry.actions
        .map((action) => {
          const when = [
            action.due ? `due ${action.due}` : "",
            action.doneAt ? `done ${dayOf(action.doneAt)}` : "",
          ].filter(Boolean);
          const text = when.length ? `${action.text} (${when.join(", ")})` : action.text;
          return item(text, action.doneAt ? "- [x]" : "- [ ]");
        })
        .join("\n"),
    );
  }
  return blocks;
}

const finish = (lines: string[]): string => `${lines.join("\n").trimEnd()}\n`;

/** All entries in one Markdown stream: a `##` section per entry, safe to append to a notes file. */
export function formatMarkdown(entries: readonly Entry[]): string {
  return entries
    .map((entry) =>
      finish([heading(2, `${entry.date} · ${entryTitle(entry)}`), "", factList(entry), "", ...sections(entry, 3)]),
    )
    .join("\n");
}

/** One entry as a note of its own: YAML front matter, a title, then the sections. */
export function markdownNote(entry: Entry): string {
  const frontMatter = stringify(properties(entry), { lineWidth: 0 });
  return finish([`---\n${frontMatter}---`, "", heading(1, entryTitle(entry)), "", ...sections(entry, 2)]);
}

/** Letters and digits of any script, joined by single hyphens: nothing a path could misread. */
function slug(text: string, max = 40): string {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return [...words].slice(0, max).join("").replace(/-+$/, "");
}

/**
 * File systems allow 255 bytes in a name, and a note is first written as
 * NAME.tmp-PID-RANDOM beside it: 200 leaves room for that suffix.
 */
const NOTE_NAME_BYTES = 200;
const NAME_WORD_CHARACTERS = 40;

/**
 * date-company-role-id.md (wins: date-win-title-id.md): readable, unique, and never a path.
 * Each word is cut between characters as a reader sees them (an accent stays with
 * its letter), to 40 of them and then to the name's byte budget, shared fairly:
 * a short company leaves its unused bytes to a long role.
 */
export function noteFileName(entry: Entry): string {
  /** The characters of `text`; only marks join code points into one (a slug holds no joiners or flags). */
  const characters = (text: string): Iterable<string> => {
    if (!/\p{M}/u.test(text)) return text;
    noteFileName.segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
    return [...noteFileName.segmenter.segment(text)].map((part) => part.segment);
  };
  /** The first characters of `text` that fit in `maxCharacters` and `maxBytes`. */
  const head = (text: string, maxCharacters: number, maxBytes: number): string => {
    // Code units never undercount characters: most names stop here.
    if (text.length <= maxCharacters && Buffer.byteLength(text, "utf8") <= maxBytes) return text;
    let kept = "";
    let size = 0;
    let count = 0;
    for (const segment of characters(text)) {
      size += Buffer.byteLength(segment, "utf8");
      if (++count > maxCharacters || size > maxBytes) break;
      kept += segment;
    }
    return kept.replace(/-+$/, "");
  };
  const words = (isRejection(entry) ? [entry.company, entry.role] : [entry.title])
    .map((text) => head(slug(text, Infinity), NAME_WORD_CHARACTERS, Infinity))
    .filter(Boolean);
  if (!isRejection(entry)) words.unshift("win");
  const sizes = words.map((word) => Buffer.byteLength(word, "utf8"));
  // The date, the id, the extension and a hyphen after each word are always there.
  let budget = NOTE_NAME_BYTES - Buffer.byteLength(`${entry.date}-${entry.id}.md`, "utf8") - words.length;
  const caps: number[] = [];
  const shortestFirst = words.map((_, index) => index).sort((a, b) => sizes[a]! - sizes[b]!);
  shortestFirst.forEach((index, rank) => {
    caps[index] = Math.min(sizes[index]!, Math.floor(budget / (words.length - rank)));
    budget -= caps[index];
  });
  const cut = words.map((word, index) => (sizes[index]! <= caps[index]! ? word : head(word, Infinity, caps[index]!)));
  return `${[entry.date, ...cut.filter(Boolean), entry.id].join("-")}.md`;
}
/** Made once, on the first name that needs it: building a segmenter costs more than naming a note. */
noteFileName.segmenter = undefined as Intl.Segmenter | undefined;
