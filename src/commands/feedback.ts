import { Option, type Command } from "commander";
import { TEMPLATE_KINDS, type TemplateKind } from "../content/vocabulary.js";
import { UsageError } from "../errors.js";
import type { DraftChoices } from "../flows/feedback.js";
import { entryLabel } from "../ui/entry-label.js";
import { canPrompt, printData, printJson, say, stdoutIsTerminal, wrap } from "../ui/output.js";
import { safeLine, safeText } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { openContent, openJournal, readSettings } from "./context.js";
import { readStdinText } from "./stdin-text.js";

interface FeedbackOptions {
  kind?: TemplateKind;
  contact?: string;
  sender?: string;
  update?: string;
  received?: string | true;
  json?: boolean;
}

export function registerFeedback(command: Command): void {
  command
    .description("draft a note to ask for feedback, thank them, or check in later; or save the feedback you got")
    .argument("<id>", "the rejection (its id or the start of it)")
    .addOption(
      new Option("--kind <kind>", "which draft (default: request; asked in a terminal)").choices(TEMPLATE_KINDS),
    )
    .option("--contact <name>", "who it goes to (saved on the entry if it has none)")
    .option("--sender <name>", "your name for the sign-off (default: the 'name' setting)")
    .option("--update <text>", "check-in draft: what you have done since, in place of the [bracketed] part")
    .option("--received [text]", "save the feedback they sent: TEXT, - to read stdin, or your editor in a terminal")
    .option("--json", "print the draft (or the saved feedback) as JSON; never prompts")
    .addHelpText(
      "after",
      `
The draft goes to stdout (a Subject line, a blank line, the body), so it can be
piped; tips go to stderr. Drafts: request (ask for feedback; after a silence, ask
where things stand), reply (thank them and keep the door open), checkin (a few
months later, with news of your own). The wording follows how it ended and when.

Examples:
  rejection-coach feedback 3f2a
  rejection-coach feedback 3f2a --kind reply --contact Sam --sender Alex | pbcopy
  rejection-coach feedback 3f2a --kind checkin --update "finished a course in SQL"
  rejection-coach feedback 3f2a --received "Strong on design, less so on testing."
  pbpaste | rejection-coach feedback 3f2a --received -`,
    )
    .action(async (id: string, options: FeedbackOptions, command: Command) => {
      if (options.received !== undefined) await saveReceived(id, options, command);
      else await printDraft(id, options, command);
    });
}

// Loaded when feedback runs, not when the CLI starts, so --help and the other commands stay fast.

async function printDraft(id: string, options: FeedbackOptions, command: Command): Promise<void> {
  const [
    { findRejection },
    { fitWording, daysSince },
    { toDay },
    { draftFlow },
    { loadPrompts },
    { changeSettings },
    { setContact },
    { draftText, renderTemplate },
  ] = await Promise.all([
    import("../journal/queries.js"),
    import("../coach/wording.js"),
    import("../journal/dates.js"),
    import("../flows/feedback.js"),
    import("../flows/prompts.js"),
    import("../journal/settings.js"),
    import("../journal/feedback.js"),
    import("../content/render.js"),
  ]);
  const store = await openJournal(command);
  const entry = findRejection(await store.read(), id);
  const content = await openContent(command);
  // A ghosting gets a status follow-up, an older rejection wording that does not say "just now".
  const situation = { stage: entry.stage, ended: entry.ended, age: daysSince(entry.date, toDay(new Date())) };
  const templates = Object.fromEntries(
    TEMPLATE_KINDS.map((kind) => [kind, fitWording(content.templates[kind], situation)]),
  ) as typeof content.templates;
  const settings = await readSettings(command);
  const known = {
    kind: options.kind,
    contact: clean(options.contact) ?? entry.contact,
    sender: clean(options.sender) ?? settings.name,
    update: clean(options.update),
  };
  let choices: DraftChoices & { kind: TemplateKind } = { ...known, kind: known.kind ?? "request" };
  if (canPrompt() && !options.json) {
    choices = await draftFlow(await loadPrompts(), templates, known);
  }
  const sender = clean(choices.sender);
  if (choices.rememberSender && sender) {
    await changeSettings(store, (settings) => (settings.name = sender));
    say(theme.muted(`Saved ${safeLine(sender)} as your sign-off name (rejection-coach config set name changes it).`));
  }

  const contact = clean(choices.contact);
  if (contact && !entry.contact) {
    await setContact(store, entry.id, contact, new Date());
    say(theme.muted(`Saved ${safeLine(contact)} as the contact for ${entryLabel(entry)}.`));
  }

  const template = templates[choices.kind];
  const draft = renderTemplate(template, {
    company: safeLine(entry.company),
    role: safeLine(entry.role),
    contact: contact ? safeLine(contact) : undefined,
    sender: clean(choices.sender) ? safeLine(clean(choices.sender)!) : undefined,
    update: clean(choices.update) ? safeText(clean(choices.update)!) : undefined,
  });
  if (options.json) {
    printJson({ entry: entry.id, kind: choices.kind, to: contact ?? null, subject: draft.subject, body: draft.body });
  } else {
    if (stdoutIsTerminal()) say(theme.muted(wrap(`${template.title}. ${template.when}\n`)));
    printData(draftText(draft));
  }
  const hints: string[] = [];
  if (draft.toFill.length > 0) {
    hints.push(
      choices.kind === "checkin"
        ? "Fill in the [bracketed] part before sending, or pass --update TEXT."
        : "Fill in the [bracketed] part before sending.",
    );
  }
  if (!contact) hints.push("No contact name, so it opens with 'Hello'. Add one with --contact NAME.");
  if (!clean(choices.sender))
    hints.push("Unsigned: pass --sender NAME, or save your name once in the settings (rejection-coach config).");
  for (const hint of hints) say(theme.warn(hint));
}

async function saveReceived(id: string, options: FeedbackOptions, command: Command): Promise<void> {
  const [{ findRejection }, { receivedFlow }, { loadPrompts }, { addFeedback }] = await Promise.all([
    import("../journal/queries.js"),
    import("../flows/feedback.js"),
    import("../flows/prompts.js"),
    import("../journal/feedback.js"),
  ]);
  const draftOnly = (["kind", "contact", "sender", "update"] as const).filter((key) => options[key] !== undefined);
  if (draftOnly.length > 0) {
    throw new UsageError(`--received saves feedback; --${draftOnly.join(", --")} belong to a draft`);
  }
  const store = await openJournal(command);
  const entry = findRejection(await store.read(), id);
  let text: string;
  if (options.received === "-") {
    text = await readStdinText("Type or paste their feedback, then press Ctrl+D on an empty line.");
  } else if (options.received === true) {
    if (!canPrompt() || options.json) {
      throw new UsageError("--received needs the feedback: --received TEXT, or --received - to read it from stdin");
    }
    text = await receivedFlow(await loadPrompts(), safeLine(entry.company), say);
  } else {
    text = options.received ?? "";
  }
  text = text.trim();
  if (!text) throw new UsageError("the feedback is empty; nothing was saved");

  const feedback = await addFeedback(store, entry.id, text, new Date());
  if (options.json) {
    printJson({ entry: entry.id, feedback });
    return;
  }
  // Once reflected, there is no reflection still to come for it to show up in.
  const where = entry.reflection
    ? `It is kept with the entry: rejection-coach show ${entry.id}`
    : "It will be there when you reflect.";
  say(`${theme.tick()} Saved their feedback on ${entryLabel(entry)}. ${where}`);
  say(theme.muted(`Thanking them keeps the door open: rejection-coach feedback ${entry.id} --kind reply`));
}

const clean = (text: string | undefined): string | undefined => text?.trim() || undefined;
