/**
 * Entry of `npm run sync-actions -- --from DIR | --github`: refreshes the action
 * manifest from metadata at the pinned commits.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { syncActionsCommand } from "./actions/sync-command.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.exitCode = await syncActionsCommand(process.argv.slice(2), { root, env: process.env, log: (line) => console.log(line) });
