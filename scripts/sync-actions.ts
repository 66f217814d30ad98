/**
 * `npm run sync-actions -- --from DIR | --github [--api-url URL]`: refreshes the
 * action manifest from metadata at the pinned commits (`GITHUB_TOKEN` from the
 * environment for `--github`).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseFlags } from "./cli/flags.ts";
import { syncActionsCommand, syncFlags } from "./actions/sync-command.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const flags = parseFlags("sync-actions", process.argv.slice(2), syncFlags);
process.exitCode = await syncActionsCommand(flags, { root, env: process.env, log: (line) => console.log(line) });
