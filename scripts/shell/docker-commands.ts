/**
 * The docker subcommands a script runs (`docker save`, `docker image load`, `docker
 * buildx build` → `save`, `load`, `build`), read through the shell adapter: the lint
 * rules and the simulation decide with them which steps move images through the daemon.
 */
import { commandsOf, everyScript, type ShellScript } from "./shell-script.ts";

/** Management groups whose next word is the subcommand. */
const GROUPS = new Set(["image", "buildx", "container"]);

/** The subcommand of each `docker` command of a script, substitutions included, in order. */
export function dockerSubcommands(script: ShellScript): string[] {
  const found: string[] = [];
  for (const command of everyScript(script).flatMap(commandsOf)) {
    if (command.name !== "docker") continue;
    const words = command.words.slice(1).map((w) => w.value).filter((w) => !w.startsWith("-"));
    const subcommand = GROUPS.has(words[0] ?? "") ? words[1] : words[0];
    if (subcommand !== undefined) found.push(subcommand);
  }
  return found;
}
