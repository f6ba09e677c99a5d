import { Argument, type Command } from "commander";
import { printData } from "../ui/output.js";
import { completionScript, SHELLS, type Shell } from "./completion-script.js";

export function registerCompletion(command: Command): void {
  command
    .description("print the script that lets bash, zsh or fish complete commands, flags, choices and ids on Tab")
    .addArgument(new Argument("<shell>", "the shell you use").choices(SHELLS))
    .addHelpText(
      "after",
      `
Install it once, for your shell, then open a new terminal:
  bash  rejection-coach completion bash > ~/.local/share/bash-completion/completions/rejection-coach
        (that folder is read by the bash-completion package; without it,
        add  source <(rejection-coach completion bash)  to ~/.bashrc)
  zsh   mkdir -p ~/.zfunc && rejection-coach completion zsh > ~/.zfunc/_rejection-coach
        (and in ~/.zshrc, before compinit:  fpath=(~/.zfunc $fpath))
  fish  rejection-coach completion fish > ~/.config/fish/completions/rejection-coach.fish

Completing an id reads your journal's ids, companies and roles, and nothing else;
it never asks for a passphrase and never writes.`,
    )
    .action((shell: Shell) => printData(completionScript(shell)));
}
