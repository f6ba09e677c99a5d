import type { Command } from "commander";
import type { ActionRef, OpenAction } from "../coach/actions.js";
import { NotFoundError, UsageError } from "../errors.js";
import type { Action, Entry } from "../journal/entry.js";
import { formatDay } from "../ui/labels.js";
import { canPrompt, printData, printJson, say, stdoutIsTerminal } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { openJournal } from "./context.js";
import { readDayFlag } from "./date-flag.js";
import { symbols } from "../ui/symbols.js";

interface NextOptions {
  json?: boolean;
}

export function registerNext(program: Command): void {
  const next = program
    .command("next")
    .summary("your open next steps, soonest due first")
    .description("your open next steps across the journal, soonest due first")
    .option("--json", "print as JSON")
    .addHelpText(
      "after",
      `
Each step has a short number (its place in the list) and an id; either works
with 'next done'. Overdue steps are marked and come first; undated ones last.

Examples:
  rejection-coach next
  rejection-coach next done 1
  rejection-coach next add 3f2a Ask Sam for a referral --due "next friday"
  rejection-coach next --json | jq -r '.[] | select(.overdue) | .text'`,
    )
    .action(async (options: NextOptions, command: Command) => {
      const journal = (await openJournal(command)).read();
      const { openActions } = await import("../coach/actions.js");
      const { toDay } = await import("../journal/dates.js");
      const today = toDay(new Date());
      const items = openActions(journal, today);
      if (options.json) {
        printJson(items.map(toJson));
        return;
      }
      if (items.length === 0) {
        say("No open next steps. Add one with: rejection-coach next add ID TEXT [--due DATE]");
        return;
      }
      printData(renderList(items));
      if (stdoutIsTerminal()) say(theme.muted("\nMark one done with: rejection-coach next done N"));
    });

  next
    .command("done")
    .description("mark next steps as done, by number or id")
    .argument("<step...>", "the step's number in the list, or its id")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach next done 1\n  rejection-coach next done 2 3\n  rejection-coach next done a1b2c3d4",
    )
    .action(async (refs: string[], _options: unknown, command: Command) => {
      const { json } = command.optsWithGlobals<NextOptions>();
      const store = await openJournal(command);
      const { openActions, resolveActionRef } = await import("../coach/actions.js");
      const { toDay } = await import("../journal/dates.js");
      const now = new Date();
      const today = toDay(now);
      let remaining: OpenAction[] = [];
      const results = await store.update((journal) => {
        // Resolve every number against the same list before anything changes.
        const resolved = refs.map((ref) => resolveActionRef(journal, today, ref));
        const missing = resolved.find((result) => result.found === "none");
        if (missing?.found === "none") throw new NotFoundError(missing.problem);
        // `next done 1 1`, or a number and the id of the same step: one step, marked and reported once.
        const seen = new Set<Action>();
        const found = resolved.filter((result) => {
          const action = result.found === "open" ? result.item.action : (result as { action: Action }).action;
          if (seen.has(action)) return false;
          seen.add(action);
          return true;
        });
        for (const result of found) {
          if (result.found === "open") {
            result.item.action.doneAt = now.toISOString();
            result.item.entry.updatedAt = now.toISOString();
          }
        }
        remaining = openActions(journal, today);
        return found.map((result) =>
          result.found === "open"
            ? { action: result.item.action, entry: result.item.entry, already: false }
            : { ...(result as Extract<ActionRef, { found: "done" }>), already: true },
        );
      });
      if (json) {
        printJson(results.map(({ action, entry }) => ({ ...action, entry: entryRef(entry) })));
        return;
      }
      for (const { action, entry, already } of results) {
        say(
          already
            ? `Already done: ${safeLine(action.text)} (${formatDay(toDay(new Date(action.doneAt!)), now)})`
            : `${theme.tick()} Done: ${safeLine(action.text)} ${theme.muted(`(${describeOwner(entry)})`)}`,
        );
      }
      // The numbers shift once a step is done: show the new ones to whoever is looking.
      if (stdoutIsTerminal()) {
        if (remaining.length === 0) say("That was the last open step.");
        else {
          say(theme.muted("\nStill open, with their new numbers:"));
          printData(renderList(remaining));
        }
      }
    });

  next
    .command("edit")
    .description("change a next step's text or due date, by number or id")
    .argument("<step>", "the step's number in the list, or its id")
    .option("--text <text>", "what to do, in new words")
    .option("--due <date>", "a new due date: friday, in 2 weeks, 2026-12-01")
    .option("--no-due", "remove the due date")
    .addHelpText(
      "after",
      '\nExamples:\n  rejection-coach next edit 2 --due "next monday"\n  rejection-coach next edit a1b2c3d4 --text "Email Sam about the referral" --no-due',
    )
    .action(async (ref: string, options: { text?: string; due?: string | false }, command: Command) => {
      const { json } = command.optsWithGlobals<NextOptions>();
      if (options.text === undefined && options.due === undefined) {
        throw new UsageError("nothing to change: give --text TEXT, --due DATE or --no-due");
      }
      const now = new Date();
      const store = await openJournal(command);
      const due =
        typeof options.due === "string"
          ? await readDayFlag("--due", options.due, { now, direction: "future" })
          : options.due === false
            ? null
            : undefined;
      const { changeStep } = await import("../journal/changes.js");
      const { action, entry } = await changeStep(store, ref, { text: options.text, due }, now);
      if (json) {
        printJson({ ...action, entry: entryRef(entry) });
        return;
      }
      say(
        `${theme.good("Updated")} ${safeLine(action.text)}${action.due ? ` (due ${formatDay(action.due, now)})` : due === null ? " (no due date)" : ""} ${theme.muted(`${symbols().separator} ${action.id}`)}`,
      );
    });

  next
    .command("remove")
    .description("remove a next step for good, by number or id (asks first)")
    .argument("<step>", "the step's number in the list, or its id")
    .option("-y, --yes", "remove without asking (for scripts)")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach next remove 2\n  rejection-coach next remove a1b2c3d4 --yes\n\nA step that is finished is better marked with 'next done': it keeps counting as done.",
    )
    .action(async (ref: string, options: { yes?: boolean }, command: Command) => {
      const { json } = command.optsWithGlobals<NextOptions>();
      const now = new Date();
      const store = await openJournal(command);
      const { findStep, removeStep } = await import("../journal/changes.js");
      // Found now, removed by its id: the list numbers could shift while the question is open.
      const { action, entry } = findStep(store.read(), ref, now);
      if (!options.yes) {
        if (!canPrompt() || json) {
          throw new UsageError(`not removing next step ${action.id} without a confirmation; add --yes in a script`);
        }
        say(`This removes: ${safeLine(action.text)} ${theme.muted(`(${describeOwner(entry)}, id ${action.id})`)}`);
        const { loadPrompts } = await import("../flows/prompts.js");
        const prompts = await loadPrompts();
        if (!(await prompts.confirm({ message: "Remove it for good? There is no undo.", default: false }))) {
          say("Kept it. Nothing was removed.");
          return;
        }
      }
      const removed = await removeStep(store, action.id, now);
      if (json) {
        printJson({ ...removed.action, entry: entryRef(removed.entry) });
        return;
      }
      say(
        `${theme.good("Removed")} ${safeLine(removed.action.text)} ${theme.muted(`(${describeOwner(removed.entry)})`)}`,
      );
    });

  next
    .command("add")
    .description("add a next step to a rejection or a win (an interview to prepare for)")
    .argument("<id>", "the entry's id (or the start of it)")
    .argument("<text...>", "what to do")
    .option("--due <date>", "when by: friday, in 2 weeks, 2026-12-01")
    .addHelpText(
      "after",
      '\nExamples:\n  rejection-coach next add 3f2a Practice the salary question\n  rejection-coach next add 3f2a "Email Sam a thank-you" --due tomorrow',
    )
    .action(async (id: string, words: string[], options: { due?: string }, command: Command) => {
      const { json } = command.optsWithGlobals<NextOptions>();
      const text = words.join(" ").trim();
      if (!text) throw new UsageError("a next step needs some text");
      const store = await openJournal(command);
      const now = new Date();
      const due =
        options.due === undefined ? undefined : await readDayFlag("--due", options.due, { now, direction: "future" });
      const { addStep } = await import("../journal/changes.js");
      const { action, entry } = await addStep(store, id, { text, due }, now);
      if (json) {
        printJson({ ...action, entry: entryRef(entry) });
        return;
      }
      say(
        `${theme.tick()} Added: ${safeLine(action.text)}${due ? ` (due ${formatDay(due, now)})` : ""} ${theme.muted(`to ${describeOwner(entry)}, id ${action.id}`)}`,
      );
    });
}

const entryRef = (entry: Entry) =>
  entry.kind === "rejection"
    ? { id: entry.id, company: entry.company, role: entry.role }
    : { id: entry.id, kind: entry.kind, title: entry.title, ...(entry.company ? { company: entry.company } : {}) };

/** Where a step came from: "Acme · Backend Engineer", or "win: First interview at Acme". */
const describeOwner = (entry: Entry): string =>
  entry.kind === "rejection"
    ? `${safeLine(entry.company)} ${symbols().separator} ${safeLine(entry.role)}`
    : `win: ${safeLine(entry.title)}`;

function toJson(item: OpenAction) {
  return {
    n: item.n,
    ...item.action,
    overdue: item.overdue,
    daysLeft: item.daysLeft ?? null,
    entry: entryRef(item.entry),
  };
}

/** Two lines per step: number, text and when (lined up); then where it came from and its id. */
function renderList(items: OpenAction[]): string {
  const numberWidth = String(items.length).length;
  const textWidth = Math.min(Math.max(...items.map((item) => safeLine(item.action.text).length)), 48);
  return items
    .map((item) => {
      const number = theme.heading(`${String(item.n).padStart(numberWidth)}.`);
      const when = dueText(item);
      const text = safeLine(item.action.text);
      const first = when ? `${number} ${text.padEnd(textWidth)}  ${when}` : `${number} ${text}`;
      const origin = `${describeOwner(item.entry)} ${symbols().separator} ${item.action.id}`;
      return `${first}\n${" ".repeat(numberWidth + 2)}${theme.muted(origin)}`;
    })
    .join("\n");
}

function dueText(item: OpenAction): string {
  const { daysLeft, action } = item;
  if (daysLeft === undefined || action.due === undefined) return "";
  const date = formatDay(action.due);
  if (daysLeft < 0) {
    return theme.warn(`was due ${date}`);
  }
  if (daysLeft === 0) return theme.accent("due today");
  if (daysLeft === 1) return theme.accent(`due tomorrow (${date})`);
  return theme.muted(`due in ${daysLeft} days (${date})`);
}
