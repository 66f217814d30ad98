/**
 * `npm run sync-actions -- --from DIR | --github [--api-url URL]`: refreshes the
 * action manifest from metadata at the pinned commits (`GITHUB_TOKEN` from the
 * environment for `--github`).
 */
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { exitWithUsage, readCommandLine } from "./cli/command-line.ts";
import { syncActionsCommand, syncCommand, syncFlags } from "./actions/sync-command.ts";

const { values } = readCommandLine(syncCommand, process.argv.slice(2));
const flags = syncFlags.safeParse(values);
if (!flags.success) exitWithUsage(syncCommand, flags.error.issues.map((issue) => `${issue.path.length ? `--${issue.path.join(".")}: ` : ""}${issue.message}`).join("; "));
process.exitCode = await syncActionsCommand(flags.data, { root: PROJECT_ROOT, env: process.env, log: (line) => console.log(line) });
