/**
 * `npm run sync-actions -- --from DIR | --github [--api-url URL]`: refreshes the
 * action manifest from metadata at the pinned commits (`GITHUB_TOKEN` from the
 * environment for `--github`).
 */
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { parseFlags } from "./cli/flags.ts";
import { syncActionsCommand, syncFlags } from "./actions/sync-command.ts";

const flags = parseFlags("sync-actions", process.argv.slice(2), syncFlags);
process.exitCode = await syncActionsCommand(flags, { root: PROJECT_ROOT, env: process.env, log: (line) => console.log(line) });
