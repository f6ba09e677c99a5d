import stringWidth from "fast-string-width";
import { RULES } from "../coach/signals.js";
import { toDay } from "../journal/dates.js";
import type { Action, Entry, Reflection, RejectionEntry } from "../journal/entry.js";
import { MOOD_MAX, spelledId } from "../journal/vocabulary.js";
import { ENDING_NAMES, FIT_CHOICES, REASON_NAMES, STAGE_NAMES, WIN_KIND_NAMES } from "./labels.js";
import { wrap } from "./output.js";
import { safeLine, safeText } from "./safe-text.js";
import { renderTable, type Cell } from "./table.js";
import { symbols } from "./symbols.js";
import { theme } from "./theme.js";

// Local types only: entry.ts loads zod, and these views are used at start-up.
const isRejection = (entry: Entry): entry is RejectionEntry => entry.kind === "rejection";

const dayOf = (instant: string): string => toDay(new Date(instant));

/**
 * One line per entry, aligned: id, date, kind, company, role, stage, mood,
 * reflected. With a terminal width, the table fits it: company and role are
 * cut with "…" and, when that is not enough, the least useful columns go; the
 * date and kind stay, so a win never passes for a rejection. Without one
 * (piped), every column is shown in full. A width of 0 (a terminal that does
 * not know its size) counts as 80.
 */
export function renderEntryList(entries: readonly Entry[], width?: number): string {
  const header: Cell[] = ["id", "date", "kind", "company", "role", "stage", "mood", "reflected"].map((text) => ({
    text,
    style: theme.muted,
  }));
  const rows = entries.map((entry): Cell[] => {
    const common: Cell[] = [
      { text: entry.id, style: theme.id },
      { text: entry.date },
      { text: entry.kind, style: isRejection(entry) ? undefined : theme.good },
      { text: safeLine(entry.company ?? "") },
    ];
    if (!isRejection(entry)) {
      return [...common, { text: safeLine(entry.title) }, { text: entry.winKind, style: theme.muted }];
    }
    return [
      ...common,
      { text: safeLine(entry.role) },
      { text: entry.stage },
      { text: `${entry.mood}/${MOOD_MAX}`, style: entry.mood <= RULES.lowMood ? theme.warn : undefined },
      entry.reflection ? { text: "yes", style: theme.good } : { text: "no", style: theme.muted },
    ];
  });
  const table = [header, ...rows];
  if (width === undefined) return renderTable(table);
  return renderTable(fitTable(table, Number.isFinite(width) && width > 0 ? width : 80));
}

const KIND = 2;
const COMPANY = 3;
const ROLE = 4;
/**
 * Columns to leave out, least useful first, when company and role would get too
 * narrow: reflected, mood, then stage. Id, date and kind always stay (the id is
 * what other commands take); past that, the kind is shortened.
 */
const DROP_ORDER = [7, 6, 5];
const SHORT_KIND: Record<string, string> = { rejection: "rej", win: "win" };
const MIN_WIDTH = { [COMPANY]: 10, [ROLE]: 12 };
const GAP = 2;

/** The table cut to `width` columns: see renderEntryList. */
function fitTable(given: Cell[][], width: number): Cell[][] {
  let table = given;
  // One column spare: a line exactly as wide as the terminal wraps in some of them.
  const limit = width - 1;
  let kept = [...Array(table[0]!.length).keys()];
  const roomLeft = (): number => {
    const fixed = kept.filter((column) => column !== COMPANY && column !== ROLE).map((c) => natural(table, c));
    return limit - fixed.reduce((sum, w) => sum + w, 0) - GAP * (kept.length - 1);
  };
  const needed =
    Math.min(natural(table, COMPANY), MIN_WIDTH[COMPANY]) + Math.min(natural(table, ROLE), MIN_WIDTH[ROLE]);
  for (const drop of DROP_ORDER) {
    if (roomLeft() >= needed) break;
    kept = kept.filter((column) => column !== drop);
  }
  let room = roomLeft();
  if (room < needed) {
    table = table.map((row, r) =>
      r === 0
        ? row
        : row.map((cell, column) => (column === KIND ? { ...cell, text: SHORT_KIND[cell.text] ?? cell.text } : cell)),
    );
    room = roomLeft();
  }
  let company = natural(table, COMPANY);
  let role = natural(table, ROLE);
  if (company + role > room) {
    // Share the room, 2 to 3, but never take more than a column needs.
    // Below both minimums, half each, so the role is not cut to nothing.
    const floor = Math.min(MIN_WIDTH[COMPANY], Math.floor(room / 2));
    company = Math.min(company, Math.max(floor, Math.floor(room * 0.4)));
    role = Math.max(1, Math.min(role, room - company));
    company = Math.max(1, Math.min(natural(table, COMPANY), room - role));
  }
  const max: Record<number, number> = { [COMPANY]: company, [ROLE]: role };
  return table.map((row) =>
    kept.flatMap((column) => {
      const cell = row[column];
      if (!cell) return [];
      return [max[column] === undefined ? cell : { ...cell, max: max[column] }];
    }),
  );
}

/** The widest text in a column. */
const natural = (table: Cell[][], column: number): number =>
  Math.max(0, ...table.map((row) => (row[column] ? stringWidth(row[column].text) : 0)));

const field = (label: string, value: string | undefined): string[] =>
  value ? [`  ${theme.muted(label.padEnd(10))}  ${value}`] : [];

const block = (title: string, lines: string[]): string[] => (lines.length ? ["", theme.heading(title), ...lines] : []);

/** "  • text", wrapped, later lines hanging under the text. */
const bullet = (text: string, indent = 2, marker = symbols().bullet): string => {
  const pad = " ".repeat(indent + marker.length + 1);
  return " ".repeat(indent) + marker + " " + wrap(text, pad.length).slice(pad.length);
};

function reflectionLines(reflection: Reflection): string[] {
  const sep = symbols().separator;
  const lines = [theme.muted(`  written ${dayOf(reflection.createdAt)} ${sep} mood ${reflection.mood}/${MOOD_MAX}`)];
  for (const answer of reflection.answers) {
    lines.push(
      "",
      // The question's id is what `edit ID --answer ID=TEXT` takes.
      wrap(`${theme.accent(safeText(answer.question))} ${theme.muted(`${sep} ${safeLine(answer.questionId)}`)}`, 2),
      wrap(safeText(answer.answer || symbols().none), 4),
    );
  }
  if (reflection.ratings.length) {
    lines.push("", ...reflection.ratings.map((r) => bullet(`${safeLine(r.label)}: ${r.rating}/5`)));
  }
  const facts = [
    ...field("in control", reflection.inControl.map((reason) => REASON_NAMES[reason]).join(", ")),
    ...field("outside", reflection.outOfControl.map((reason) => REASON_NAMES[reason]).join(", ")),
    ...field(
      "fit",
      reflection.fit &&
        `${FIT_CHOICES[reflection.fit]}${reflection.fitNote ? ` ${sep} ${safeLine(reflection.fitNote)}` : ""}`,
    ),
  ];
  if (facts.length) lines.push("", ...facts);
  if (reflection.thought) {
    lines.push("", theme.accent("  Thought record"), bullet(`Thought: ${safeText(reflection.thought.thought)}`));
    if (reflection.thought.trap) lines.push(bullet(`Thinking trap: ${safeText(spelledId(reflection.thought.trap))}`));
    if (reflection.thought.balanced)
      lines.push(bullet(`A more balanced view: ${safeText(reflection.thought.balanced)}`));
  }
  if (reflection.wentWell) lines.push("", theme.accent("  Went well"), wrap(safeText(reflection.wentWell), 4));
  if (reflection.change) lines.push("", theme.accent("  Would do differently"), wrap(safeText(reflection.change), 4));
  return lines;
}

/** The whole entry, laid out for reading. */
export function renderEntry(entry: Entry): string {
  const sep = symbols().separator;
  const logged = `logged ${dayOf(entry.createdAt)}${entry.updatedAt !== entry.createdAt ? `, changed ${dayOf(entry.updatedAt)}` : ""}`;
  if (!isRejection(entry)) {
    return [
      theme.title(`Win: ${safeLine(entry.title)}`),
      theme.muted(
        `${entry.date} ${sep} ${WIN_KIND_NAMES[entry.winKind].toLowerCase()} ${sep} id ${entry.id} ${sep} ${logged}`,
      ),
      "",
      ...field("company", entry.company && safeLine(entry.company)),
      ...field("tags", entry.tags.map(safeLine).join(", ")),
      ...block("Note", entry.note ? [wrap(safeText(entry.note), 2)] : []),
      ...block("Actions", actionLines(entry.actions)),
    ].join("\n");
  }
  return [
    theme.title(`${safeLine(entry.company)} ${sep} ${safeLine(entry.role)}`),
    theme.muted(`${entry.date} ${sep} rejection ${sep} id ${entry.id} ${sep} ${logged}`),
    "",
    ...field("stage", `${STAGE_NAMES[entry.stage]} (${ENDING_NAMES[entry.ended].toLowerCase()})`),
    ...field("mood", `${entry.mood}/${MOOD_MAX}${entry.emotions.length ? ` ${sep} ${entry.emotions.join(", ")}` : ""}`),
    ...field("reasons", entry.reasons.map((reason) => REASON_NAMES[reason]).join(", ")),
    ...field("contact", entry.contact && safeLine(entry.contact)),
    ...field("tags", entry.tags.map(safeLine).join(", ")),
    ...block("Reason they gave", entry.reasonGiven ? [wrap(safeText(entry.reasonGiven), 2)] : []),
    ...block("Note", entry.note ? [wrap(safeText(entry.note), 2)] : []),
    ...block("Their email, as kept", entry.email ? [wrap(safeText(entry.email.trim()), 2)] : []),
    ...block(
      "Reflection",
      entry.reflection
        ? reflectionLines(entry.reflection)
        : [theme.muted("  not yet: rejection-coach reflect " + entry.id)],
    ),
    ...block(
      "Check-ins",
      // Numbered for `edit ID --checkin N` and `--remove-checkin N`.
      entry.checkins.map((c, index) =>
        bullet(
          `${dayOf(c.at)} ${sep} mood ${c.mood}/${MOOD_MAX}${c.note ? ` ${sep} ${safeText(c.note)}` : ""}`,
          2,
          `${index + 1}.`,
        ),
      ),
    ),
    ...block(
      "Feedback received",
      entry.feedback.map((f) => bullet(`${dayOf(f.receivedAt)} ${sep} ${safeText(f.text)}`)),
    ),
    ...block("Actions", actionLines(entry.actions)),
  ].join("\n");
}

function actionLines(actions: readonly Action[]): string[] {
  return byDueDate(actions).map((a) => {
    const when = [a.due ? `due ${a.due}` : "", a.doneAt ? `done ${dayOf(a.doneAt)}` : ""].filter(Boolean).join(", ");
    // The id is what `next done ID` takes; a list number would change as steps are done.
    const text = `${safeText(a.text)}${when ? theme.muted(` (${when})`) : ""}${theme.muted(` ${symbols().separator} id ${a.id}`)}`;
    return bullet(a.doneAt ? theme.muted(text) : text, 2, a.doneAt ? "[x]" : "[ ]");
  });
}

/** Soonest due first, undated last; steps due the same day keep the order they were added in. */
function byDueDate(actions: readonly Action[]): Action[] {
  const key = (action: Action): string => action.due ?? "undated"; // letters sort after digits
  return [...actions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** One line naming an entry, for confirmations: "2026-11-02 · Acme · Backend Engineer (1a2b3c4d)". */
export function describeEntry(entry: Entry): string {
  const sep = symbols().separator;
  const what = isRejection(entry)
    ? `${safeLine(entry.company)} ${sep} ${safeLine(entry.role)}`
    : `win: ${safeLine(entry.title)}`;
  return `${entry.date} ${sep} ${what} (${entry.id})`;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What deleting an entry takes with it: "its reflection, 1 check-in and 2 actions". */
export function describeContents(entry: Entry): string | undefined {
  if (!isRejection(entry)) {
    const parts = [
      entry.note ? "its note" : "",
      entry.actions.length ? count(entry.actions.length, "action", "actions") : "",
    ].filter(Boolean);
    return parts.length ? parts.join(" and ") : undefined;
  }
  const parts = [
    entry.note ? "its note" : "",
    entry.reflection ? "its reflection" : "",
    entry.checkins.length ? count(entry.checkins.length, "check-in", "check-ins") : "",
    entry.feedback.length ? count(entry.feedback.length, "piece of feedback", "pieces of feedback") : "",
    entry.actions.length ? count(entry.actions.length, "action", "actions") : "",
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
