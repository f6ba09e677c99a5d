import type { Command } from "commander";
import { CancelledError, CoachError, UsageError } from "../errors.js";
import { reasonConflict } from "../journal/reason-rules.js";
import { isPromptStop, loadPrompts, type Prompts } from "../flows/prompts.js";
import type { Content } from "../content/schema.js";
import type { Journal } from "../journal/entry.js";
import type { NewRejection, RejectionFields } from "../journal/make-entry.js";
import type { Ending } from "../journal/vocabulary.js";
import { renderEmailFindings } from "../ui/email-view.js";
import { formatDay } from "../ui/labels.js";
import { canPrompt, printData, printJson, say, wrap } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { openContent, openJournal } from "./context.js";
import { EMAIL_FIELDS } from "../coach/email-fields.js";
import { checkEmailOptions, readEmailText } from "./email-input.js";
import {
  addRejectionOptions,
  asksForMissing,
  REJECTION_FLAGS,
  rejectionFieldsFrom,
  whyConflict,
  type RejectionOptions,
} from "./entry-options.js";

const REQUIRED = ["company", "role", "stage", "ended", "mood"] as const;

interface LogOptions extends RejectionOptions {
  allowDuplicate?: boolean;
  email?: string;
  keepEmail?: boolean;
}

export function registerLog(command: Command): void {
  command.description("log a rejection, step by step, and get two or three ideas for what may help");
  addRejectionOptions(command)
    .option("--allow-duplicate", "save even when the same company, role and day are in the journal already")
    .option(
      "--email <file>",
      "read their email (a file, or - for standard input) for the company, role, stage and reasons",
    )
    .option("--keep-email", "keep a copy of the email in the journal (not kept otherwise)")
    .addHelpText(
      "after",
      `
Asked one question at a time on a terminal; any flag you give is not asked again.
Without a terminal, --company, --role, --stage, --ended and --mood are needed,
unless --email gives them: what the email says fills in what the flags do not.
The email is read on this computer and not kept unless you ask (--keep-email).
The same company, role and day logged again is named and, on a terminal, saved
only when you say so; without one, only with --allow-duplicate.

Examples:
  rejection-coach log
  rejection-coach log --company Acme --role "Data Analyst" --stage interview --ended rejected --mood 4
  rejection-coach log --company Acme --role Designer --stage applied --ended ghosted --mood 6 \\
      --date "last friday" --reason unknown --emotion frustrated --tag remote
  pbpaste | rejection-coach log --company Acme --role Designer --stage final --ended rejected --mood 3 --note -
  pbpaste | rejection-coach log --email - --mood 4
  rejection-coach log ... --json | jq -r .id`,
    )
    .action(async (options: LogOptions, command: Command) => {
      // Loaded when log runs, not when the CLI starts, so --help and the other commands stay fast.
      const [
        { sameRejection, rejections },
        { toDay },
        { saveRejection },
        { chooseStrategies },
        { detectPatterns, isLowMood },
        { insightsFor },
        { daysSince, justHappened },
        { renderChoices, renderJournalNotes },
      ] = await Promise.all([
        import("../journal/queries.js"),
        import("../journal/dates.js"),
        import("../journal/save.js"),
        import("../coach/choose.js"),
        import("../coach/signals.js"),
        import("../coach/insights.js"),
        import("../coach/wording.js"),
        import("../ui/coach-view.js"),
      ]);
      // Reading an email, only where there is one or someone may paste one: a script's plain log never loads it.
      const reading = async (content: Content, given: Partial<RejectionFields>) => {
        const [{ readEmail, likelyReasons }, { emailSuggestion }] = await Promise.all([
          import("../coach/read-email.js"),
          import("../coach/email-fields.js"),
        ]);
        return {
          suggest: (text: string) => emailSuggestion(readEmail(text, content.reading), given),
          likely: (text: string, ended?: Ending) => likelyReasons(text, content.reading, ended),
        };
      };
      // The questions, only where someone may answer them: a script's log never loads them.
      const asking = () => Promise.all([import("../flows/log.js"), import("./reflect-session.js")]);
      const now = new Date();
      const asks = canPrompt() && !options.json;
      checkEmailOptions(options, asks);
      const given = await rejectionFieldsFrom(options, now);
      // What no email can say is missing before a long paste is read, not after.
      if (options.email !== undefined && !asks) asksForMissing(given, ["mood"], REJECTION_FLAGS, options.json);
      const content = await openContent(command);
      // `--email -` at a terminal is a paste: standard input read to its end could ask nothing after it.
      const pasteHere = options.email === "-" && asks;
      const emailText = options.email === undefined || pasteHere ? undefined : await readEmailText(options.email);
      // With someone at the terminal an email only gives defaults, so its questions are always asked
      // (the flow reads it). Without one, what it says counts as given, and what it does not say is
      // named as missing.
      const withEmail = emailText !== undefined || pasteHere || Boolean(options.keepEmail);
      const fromEmail =
        emailText === undefined || asks ? undefined : (await reading(content, given)).suggest(emailText);
      const interactive =
        (asks && withEmail) ||
        asksForMissing(
          { ...fromEmail?.fields, ...given },
          REQUIRED,
          REJECTION_FLAGS,
          options.json,
          fromEmail ? "the email does not say" : undefined,
        );
      const store = await openJournal(command);
      // With a person at the terminal, a broken journal is reported before they type
      // anything, and a duplicate is asked about. A script's log reads the journal
      // once, under the lock, where a duplicate is refused.
      const present = interactive || asks;
      const before = present ? await store.read() : undefined;
      const loggedBefore = (journal: Journal, candidate: RejectionFields): string | undefined => {
        const earlier = sameRejection(journal, candidate);
        return earlier
          ? `You already logged ${safeLine(earlier.role)} at ${safeLine(earlier.company)} on ${formatDay(earlier.date, now)} (id ${earlier.id})`
          : undefined;
      };
      const duplicate = (candidate: RejectionFields) =>
        before && !options.allowDuplicate ? loggedBefore(before, candidate) : undefined;
      const allowOrRefuse = (twice: string | undefined): void => {
        if (!twice) return;
        if (!options.allowDuplicate) {
          throw new CoachError(`${twice}; nothing was saved. To log it again anyway, add --allow-duplicate`);
        }
        say(`${twice}; saving this one as well, as --allow-duplicate asks.`);
      };
      let fields: NewRejection;
      if (interactive) {
        const [[{ logFlow }], read] = await Promise.all([asking(), reading(content, given)]);
        // Flags for what an email would give say the person is filling it in themselves: no email is offered.
        const filledIn = EMAIL_FIELDS.some((key) => given[key] !== undefined);
        const answers = await logFlow(await loadPrompts(), given, {
          show: say,
          now,
          duplicate,
          likelyReasons: read.likely,
          email:
            withEmail || !filledIn
              ? {
                  text: emailText,
                  paste: pasteHere,
                  read: read.suggest,
                  keep: options.keepEmail,
                  given: Object.keys(given),
                }
              : undefined,
        });
        if (!answers) {
          say("Nothing was saved.");
          return;
        }
        fields = answers;
      } else {
        if (fromEmail) say(renderEmailFindings(fromEmail, { asking: false, given: Object.keys(given) }));
        fields = {
          date: toDay(now),
          reasons: [],
          emotions: [],
          tags: [],
          ...fromEmail?.fields,
          ...given,
          ...(options.keepEmail ? { email: emailText } : {}),
        } as NewRejection;
        // The email's guesses are weighed against the flags, but the saved whole is checked once more.
        const conflict = reasonConflict(fields.ended, fields.reasons);
        if (conflict) {
          throw new UsageError(
            `the email and the flags disagree: ${whyConflict(conflict)}; give --ended or --reason to settle it`,
          );
        }
        const twice = before && loggedBefore(before, fields);
        if (twice && options.allowDuplicate) {
          allowOrRefuse(twice);
        } else if (twice) {
          say(twice);
          const [{ confirmDuplicate }] = await asking();
          if (!(await confirmDuplicate(await loadPrompts()))) {
            say("Nothing was saved.");
            return;
          }
        }
      }

      const { entry, journal } = await saveRejection(store, fields, now, (current) => {
        if (!before) allowOrRefuse(loggedBefore(current, fields));
      });
      say(`${theme.good("Saved")} ${theme.id(entry.id)}: ${safeLine(entry.role)} at ${safeLine(entry.company)}.`);
      if (isLowMood(entry.mood)) say(wrap("Thank you for writing it down; that is not easy on a day like this."));
      if (options.json) {
        printJson(entry);
        return;
      }
      const today = toDay(now);
      const age = daysSince(entry.date, today);
      const patterns = detectPatterns(rejections(journal), today, content.feedbackThemes);
      const choices = chooseStrategies({ ...entry, age }, content.strategies, patterns);
      const notes = renderJournalNotes(patterns, insightsFor(journal, content, today), content, {
        lowMood: isLowMood(entry.mood),
      });
      printData(`${notes ? `\n${notes}\n` : ""}\n${renderChoices(choices)}\n`);
      say(theme.muted("\nRead one in full: rejection-coach tips ID"));

      try {
        if (interactive && (await offerToReflect(await loadPrompts(), isLowMood(entry.mood), justHappened(age)))) {
          say("");
          // Dated when the person starts it, as `reflect` run now would date it.
          const session = { store, content: content.reflection, entry, options: {}, interactive, now: new Date() };
          const [, { reflectOnEntry }] = await asking();
          await reflectOnEntry(session);
          return;
        }
      } catch (error) {
        if (isPromptStop(error)) {
          throw new CancelledError(`Stopped. Your rejection is saved as ${entry.id}; the reflection was not saved.`);
        }
        throw error;
      }
      // "In a day or two" only while the news is that fresh; an older rejection can be reflected on any time.
      const when = justHappened(age) ? "When you are ready, in a day or two" : "When you are ready";
      say(theme.muted(`${when}: rejection-coach reflect ${entry.id}`));
    });
}

/** Reflection usually goes better after a day or two, so the offer defaults to later. */
function offerToReflect({ confirm }: Prompts, lowMood: boolean, fresh: boolean): Promise<boolean> {
  return confirm({
    message: lowMood
      ? "Would you like to reflect on it now? Later is fine too; today may be for resting."
      : fresh
        ? "Would you like to reflect on it now? Many people find it easier in a day or two."
        : "Would you like to reflect on it now? Later is fine too.",
    default: false,
  });
}
