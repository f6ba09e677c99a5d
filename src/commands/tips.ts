import { Option, type Command } from "commander";
import { PHASES } from "../content/vocabulary.js";
import { NotFoundError } from "../errors.js";
import { printData, printJson } from "../ui/output.js";
import { renderStrategy, renderStrategyList } from "../ui/strategy-view.js";
import { didYouMean } from "../ui/suggest.js";
import { openContent } from "./context.js";

interface TipsOptions {
  phase?: (typeof PHASES)[number];
  json?: boolean;
}

export function registerTips(command: Command): void {
  command
    .description("browse the coaching strategies, grouped by phase")
    .argument("[id]", "show one strategy in full")
    .addOption(new Option("--phase <phase>", "only one phase").choices(PHASES))
    .option("--json", "print the strategies as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach tips\n  rejection-coach tips ask-feedback\n  rejection-coach tips --phase act --json | jq '.[].title'",
    )
    .action(async (id: string | undefined, options: TipsOptions, command: Command) => {
      const { strategies } = await openContent(command);
      const chosen = strategies.filter(
        (strategy) => (!options.phase || strategy.phase === options.phase) && (!id || strategy.id === id),
      );
      if (id && chosen.length === 0) {
        const ids = strategies.map((strategy) => strategy.id);
        throw new NotFoundError(
          `no strategy with id '${id}'${didYouMean(id, ids)}; run 'rejection-coach tips' to see them all`,
        );
      }
      if (options.json) printJson(id ? chosen[0] : chosen);
      else printData(id ? renderStrategy(chosen[0]!) : renderStrategyList(chosen));
    });
}
