// How well rejection-coach reads a rejection email and names a thinking trap,
// measured on the labeled corpora in test/corpora: the two development sets the
// rules and cues were tuned on (emails/ with thoughts.yaml, second/ and third/), and the
// held-out set, written apart and never tuned on, whose figures are the ones to
// trust. Run with `npm run measure` (`-- --misses` lists what each set missed);
// it prints the figures the README quotes.

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readEmail } from "../src/coach/read-email.js";
import { suggestTraps } from "../src/coach/thinking-traps.js";
import { loadContent } from "../src/content/load.js";
import { REASONS } from "../src/journal/vocabulary.js";
import { EMAIL_FIELDS, scoreEmails, type CorpusScore } from "../test/helpers/email-corpus.js";
import { scoreThoughts, type ThoughtScore } from "../test/helpers/thought-corpus.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpora = join(root, "test", "corpora");
const content = loadContent();
const showMisses = process.argv.includes("--misses");

const percent = (value: number | null): string => (value === null ? "-" : `${Math.round(value * 100)}%`);
const table = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
};

/** Targets from the issue: company and role 90%, stage, ending and reasons 80%, nothing invented. */
const FIELD_TARGETS: Record<string, number> = { company: 0.9, role: 0.9, stage: 0.8, ended: 0.8, reasons: 0.8 };

function emailReport(name: string, score: CorpusScore): string {
  const rows = [["field", "right", "wrong", "of which invented", "missed", "target"]];
  for (const field of EMAIL_FIELDS) {
    const figures = score.fields[field];
    const right = figures.correct / score.emails;
    const target = FIELD_TARGETS[field];
    rows.push([
      field,
      `${figures.correct}/${score.emails} (${percent(right)})`,
      String(figures.wrong),
      String(figures.invented),
      String(figures.missed),
      target === undefined ? "" : `${percent(target)} ${right >= target ? "met" : "NOT MET"}`,
    ]);
  }
  const labels = [["reason", "precision", "recall"]];
  for (const reason of REASONS) {
    const label = score.labels[reason];
    if (label.truePositives + label.falsePositives + label.falseNegatives === 0) continue;
    labels.push([reason, percent(label.precision), percent(label.recall)]);
  }
  const misses = showMisses
    ? `\n\nmisses:\n${score.misses.map((miss) => `  ${miss.file} ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.got)}`).join("\n")}`
    : "";
  return `Emails, ${name} (${score.emails})\n${table(rows)}\n\nlikely reasons, per reason\n${table(labels)}${misses}`;
}

/** Of all the thoughts given a suggestion, the share whose top trap was the label: precision over every trap. */
const topRight = (score: ThoughtScore): number | null => {
  const traps = Object.values(score.perTrap);
  const suggested = traps.reduce((sum, trap) => sum + trap.suggested, 0);
  return suggested === 0 ? null : traps.reduce((sum, trap) => sum + trap.correct, 0) / suggested;
};

function thoughtReport(name: string, score: ThoughtScore): string {
  const summary = table([
    ["", "figure", "target"],
    ["top trap right (the label)", percent(score.strict), `80% ${score.strict >= 0.8 ? "met" : "NOT MET"}`],
    ["top trap right (the label or a fair second reading)", percent(score.lenient), ""],
    ["a suggestion's top trap is the label (precision)", percent(topRight(score)), ""],
    [
      "neutral thoughts given a trap",
      percent(score.neutralSuggested),
      `at most 10% ${score.neutralSuggested <= 0.1 ? "met" : "NOT MET"}`,
    ],
  ]);
  const rows = [["trap", "labeled", "precision", "recall"]];
  for (const [trap, figures] of Object.entries(score.perTrap)) {
    rows.push([trap, String(figures.labeled), percent(figures.precision), percent(figures.recall)]);
  }
  const misses = showMisses
    ? `\n\nmisses:\n${score.misses.map((miss) => `  [${miss.trap ?? "neutral"} -> ${miss.top ?? "none"}] ${miss.text}`).join("\n")}`
    : "";
  return `Thoughts, ${name} (${score.labeled} with a trap, ${score.neutral} neutral)\n${summary}\n\n${table(rows)}${misses}`;
}

const read = (text: string) => readEmail(text, content.reading);
const suggest = (thought: string) => suggestTraps(thought, content.reflection.traps);

const SETS = [
  { name: "development set", emails: join(corpora, "emails"), thoughts: join(corpora, "thoughts.yaml") },
  {
    name: "second development set",
    emails: join(corpora, "second", "emails"),
    thoughts: join(corpora, "second", "thoughts.yaml"),
  },
  {
    name: "third development set",
    emails: join(corpora, "third", "emails"),
    thoughts: join(corpora, "third", "thoughts.yaml"),
  },
  {
    name: "held-out set, never tuned on",
    emails: join(corpora, "held-out", "emails"),
    thoughts: join(corpora, "held-out", "thoughts.yaml"),
  },
];

console.log(
  [
    ...SETS.map((set) => emailReport(set.name, scoreEmails(set.emails, read))),
    ...SETS.map((set) => thoughtReport(set.name, scoreThoughts(set.thoughts, suggest))),
  ].join("\n\n\n"),
);
