import type { Command } from "commander";
import type { ActionRef, OpenAction } from "../coach/actions.js";
import { NotFoundError, UsageError } from "../errors.js";
import type { Action, RejectionEntry } from "../journal/entry.js";
import { formatDay } from "../ui/labels.js";
import { printData, printJson, say } from "../ui/output.js";
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
      if (process.stdout.isTTY) say(theme.muted("\nMark one done with: rejection-coach next done N"));
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
            : `${theme.tick()} Done: ${safeLine(action.text)} ${theme.muted(`(${safeLine(entry.company)} ${symbols().separator} ${safeLine(entry.role)})`)}`,
        );
      }
      // The numbers shift once a step is done: show the new ones to whoever is looking.
      if (process.stdout.isTTY) {
        if (remaining.length === 0) say("That was the last open step.");
        else {
          say(theme.muted("\nStill open, with their new numbers:"));
          printData(renderList(remaining));
        }
      }
    });

  next
    .command("add")
    .description("add a next step to a rejection")
    .argument("<id>", "the rejection's id (or the start of it)")
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
      const { findRejection } = await import("../journal/queries.js");
      const { actionIds } = await import("../coach/actions.js");
      const { newId } = await import("../journal/ids.js");
      const { action, entry } = await store.update((journal) => {
        const target = findRejection(journal, id);
        const added: Action = {
          id: newId(actionIds(journal)),
          text,
          createdAt: now.toISOString(),
          ...(due ? { due } : {}),
        };
        target.actions.push(added);
        target.updatedAt = now.toISOString();
        return { action: added, entry: target };
      });
      if (json) {
        printJson({ ...action, entry: entryRef(entry) });
        return;
      }
      say(
        `${theme.tick()} Added: ${safeLine(action.text)}${due ? ` (due ${formatDay(due, now)})` : ""} ${theme.muted(`to ${safeLine(entry.company)} ${symbols().separator} ${safeLine(entry.role)}, id ${action.id}`)}`,
      );
    });
}

const entryRef = (entry: RejectionEntry) => ({ id: entry.id, company: entry.company, role: entry.role });

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
      const origin = `${safeLine(item.entry.company)} ${symbols().separator} ${safeLine(item.entry.role)} ${symbols().separator} ${item.action.id}`;
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
