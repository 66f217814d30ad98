/**
 * `npm run sync-actions -- --from DIR | --github`: refreshes the action manifest from
 * metadata at the pinned commits and reports what changed. Flags and environment are
 * validated; on any problem nothing is written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { formatActionManifest, manifestFile, parsePinTable } from "./action-manifest.ts";
import { parseWith, ValidationError } from "../files/validation-error.ts";
import { directorySource } from "./directory-source.ts";
import { githubSource } from "./github-source.ts";
import { manifestChanges, syncManifest, type MetadataSource } from "./sync-manifest.ts";

/** The command's flags and help: `--from DIR` or `--github` (with `--api-url URL` to point elsewhere). */
export const syncCommand = {
  name: "sync-actions",
  summary:
    "Refreshes the action manifest (the pin table) from each action's metadata at its pinned commit: input names, required flags, defaults,\noutputs. Reads a local folder or GitHub's API (GITHUB_TOKEN from the environment); with GitHub, each tag must point at its commit.\nNothing is written when anything is wrong. Run `npm run gen` afterwards.",
  flags: {
    from: { type: "string", value: "DIR", description: "read DIR/<owner>/<repo>[/<path>]/action.yml (e.g. ../shared/actions)" },
    github: { type: "boolean", description: "read from GitHub's API at the pinned commits" },
    "api-url": { type: "string", value: "URL", description: "GitHub API base URL (default: $GITHUB_API_URL or https://api.github.com)" },
  },
  examples: ["npm run sync-actions -- --from ../shared/actions", "GITHUB_TOKEN=… npm run sync-actions -- --github"],
} as const;

/** The flags, checked: exactly one source. */
export const syncFlags = z
  .strictObject({
    from: z.string().min(1).optional(),
    github: z.literal(true).optional(),
    "api-url": z.url().optional(),
  })
  .refine((f) => (f.from === undefined) !== (f.github === undefined), "give exactly one of --from DIR or --github");

export type SyncFlags = z.infer<typeof syncFlags>;

const environment = z.object({
  GITHUB_TOKEN: z.string().optional(),
  GITHUB_API_URL: z.url().optional(),
});

/** Where the command runs: the project root, the environment and where messages go. */
export interface SyncContext {
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  log: (line: string) => void;
}

/** Runs the command; returns the exit code. */
export async function syncActionsCommand(options: SyncFlags, context: SyncContext): Promise<number> {
  try {
    const env = parseWith(environment, context.env, "environment");
    const source: MetadataSource =
      options.from !== undefined
        ? directorySource(options.from)
        : githubSource({ apiUrl: options["api-url"] ?? env.GITHUB_API_URL ?? "https://api.github.com", token: env.GITHUB_TOKEN });
    const file = path.join(context.root, manifestFile);
    const before = readFileSync(file, "utf8");
    const table = parsePinTable(before);
    const synced = await syncManifest(table, source);
    const after = formatActionManifest(synced);
    if (after === before) {
      context.log(`${manifestFile} is up to date (${Object.keys(synced.actions).length} actions)`);
      return 0;
    }
    writeFileSync(file, after);
    const changes = manifestChanges(table, synced);
    context.log(`${manifestFile} updated:`);
    for (const change of changes.length ? changes : ["formatting"]) context.log(`  ${change}`);
    context.log("run `npm run gen` to regenerate the bindings");
    return 0;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    context.log(`sync-actions: ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}; the manifest was not changed`);
    for (const problem of error.problems) context.log(`  ${problem}`);
    return 1;
  }
}
