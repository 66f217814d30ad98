/**
 * The action manifest: the committed facts about every action the workflows use —
 * its `uses` path, the pinned commit and release tag, its inputs (required flag,
 * default, deprecation) and its output names. It is the pin table; the typed
 * bindings in `generated/actions/` are generated from it, offline.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseWith, ValidationError } from "./validation-error.ts";

/** Where the manifest lives, relative to the project root (named in generated headers). */
export const manifestFile = "workflows-src/kit/actions.manifest.json";

const manifestUrl = new URL("./actions.manifest.json", import.meta.url);

/** `owner/repo` or `owner/repo/path/…`: what precedes `@` in a `uses:` value. */
export const actionPathPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

const inputFacts = z.strictObject({
  required: z.boolean(),
  /** The default as the runner sees it (always a string). */
  default: z.string().optional(),
  deprecationMessage: z.string().optional(),
});

const pinFacts = {
  commit: z.string().regex(/^[0-9a-f]{40}$/, "must be a full 40-hex commit id"),
  tag: z.string().min(1),
};

const actionFacts = z.strictObject({
  ...pinFacts,
  inputs: z.record(z.string(), inputFacts),
  outputs: z.array(z.string()),
});

const actionPath = z.string().regex(actionPathPattern, "must be owner/repo[/path]");

const manifestSchema = z.strictObject({ actions: z.record(actionPath, actionFacts) });

/**
 * A manifest whose entries may lack their metadata: a new pin is added by hand with
 * `commit` and `tag` only, and `sync-actions` fills in the rest.
 */
const pinTableSchema = z.strictObject({
  actions: z.record(actionPath, actionFacts.partial({ inputs: true, outputs: true })),
});

export type InputFacts = z.infer<typeof inputFacts>;
export type ActionFacts = z.infer<typeof actionFacts>;
export type ActionManifest = z.infer<typeof manifestSchema>;
export type PinTable = z.infer<typeof pinTableSchema>;

/** Parses manifest text; throws a `ValidationError` naming every bad key. */
export function parseActionManifest(text: string, source = manifestFile): ActionManifest {
  return parseWith(manifestSchema, parseJson(text, source), source);
}

/** Parses manifest text in which entries may be pins without metadata yet. */
export function parsePinTable(text: string, source = manifestFile): PinTable {
  return parseWith(pinTableSchema, parseJson(text, source), source);
}

let committed: ActionManifest | undefined;

/** Reads and validates the committed manifest (once per process: gen reads it for pins and bindings). */
export function loadActionManifest(): ActionManifest {
  committed ??= parseActionManifest(readFileSync(manifestUrl, "utf8"));
  return committed;
}

/** The manifest as committed: actions sorted by path, two-space JSON, final newline. */
export function formatActionManifest(manifest: ActionManifest): string {
  const actions = Object.fromEntries(Object.keys(manifest.actions).sort().map((key) => [key, manifest.actions[key]]));
  return JSON.stringify({ actions }, null, 2) + "\n";
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError([`${source}: is not valid JSON (${(error as Error).message}); fix the file or restore it with git`]);
  }
}
