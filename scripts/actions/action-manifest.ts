/**
 * The action manifest: the committed facts about every action the workflows use —
 * its `uses` path, the pinned commit and release tag, its inputs (required flag,
 * default, deprecation) and its output names. It is the pin table; the typed
 * bindings in `generated/actions/` are generated from it, offline.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { z as Zod } from "zod";
import { passedBefore, rememberPassed } from "../pipeline/result-memory.ts";
import { parseWith, ValidationError } from "../files/validation-error.ts";

/** Where the manifest lives, relative to the project root (named in generated headers). */
export const manifestFile = "workflows-src/kit/actions.manifest.json";

const manifestUrl = new URL("../../workflows-src/kit/actions.manifest.json", import.meta.url);

/** `owner/repo` or `owner/repo/path/…`: what precedes `@` in a `uses:` value. */
export const actionPathPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/**
 * A manifest key: the action path, with `@<label>` for another pinned version of an
 * action the manifest already has (`actions/checkout@v4` beside `actions/checkout`).
 * A path ending in `.yml` is a reusable workflow (`owner/repo/.github/workflows/x.yml`).
 */
export const manifestKeyPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*(@[A-Za-z0-9][A-Za-z0-9_.-]*)?$/;

/** The action path of a manifest key (the key without its `@<label>`). */
export function actionPathOf(key: string): string {
  const at = key.indexOf("@");
  return at < 0 ? key : key.slice(0, at);
}

/** Whether a manifest key names a reusable workflow rather than an action. */
export function isWorkflowKey(key: string): boolean {
  return /\.ya?ml$/.test(actionPathOf(key));
}

/**
 * The schemas, built on first use: zod is loaded only when a manifest has to be
 * validated (sync-actions, tests, or a committed manifest not validated before).
 */
function buildSchemas(z: typeof Zod) {
  const inputFacts = z.strictObject({
    required: z.boolean(),
    /** The default as the runner sees it (always a string). */
    default: z.string().optional(),
    deprecationMessage: z.string().optional(),
    /** A reusable workflow's input type (actions' inputs are untyped strings). */
    type: z.enum(["string", "boolean", "number"]).optional(),
  });
  const actionFacts = z.strictObject({
    commit: z.string().regex(/^[0-9a-f]{40}$/, "must be a full 40-hex commit id"),
    tag: z.string().min(1),
    inputs: z.record(z.string(), inputFacts),
    outputs: z.array(z.string()),
    /** A reusable workflow's secrets. */
    secrets: z.record(z.string(), z.strictObject({ required: z.boolean() })).optional(),
    /** The facts were inferred from how a workflow uses the action (by `npm run import`); `sync-actions` replaces them. */
    inferred: z.literal(true).optional(),
  });
  const actionPath = z.string().regex(manifestKeyPattern, "must be owner/repo[/path], with @<label> for another version");
  return {
    inputFacts,
    actionFacts,
    manifest: z.strictObject({ actions: z.record(actionPath, actionFacts) }),
    /**
     * A manifest whose entries may lack their metadata: a new pin is added by hand with
     * `commit` and `tag` only, and `sync-actions` fills in the rest.
     */
    pinTable: z.strictObject({ actions: z.record(actionPath, actionFacts.partial({ inputs: true, outputs: true })) }),
  };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

function manifestSchemas(): Schemas {
  schemas ??= buildSchemas((createRequire(import.meta.url)("zod") as typeof import("zod")).z);
  return schemas;
}

export type InputFacts = Zod.infer<Schemas["inputFacts"]>;
export type ActionFacts = Zod.infer<Schemas["actionFacts"]>;
export type ActionManifest = Zod.infer<Schemas["manifest"]>;
export type PinTable = Zod.infer<Schemas["pinTable"]>;

/** Parses manifest text; throws a `ValidationError` naming every bad key. */
export function parseActionManifest(text: string, source = manifestFile): ActionManifest {
  return parseWith(manifestSchemas().manifest, parseJson(text, source), source);
}

/** Parses manifest text in which entries may be pins without metadata yet. */
export function parsePinTable(text: string, source = manifestFile): PinTable {
  return parseWith(manifestSchemas().pinTable, parseJson(text, source), source);
}

let committed: ActionManifest | undefined;

/**
 * Reads and validates the committed manifest (once per process: gen reads it for
 * pins and bindings). A manifest text that passed validation by this module's
 * schemas before, on this machine, is not validated again.
 */
export function loadActionManifest(): ActionManifest {
  if (committed) return committed;
  const text = readFileSync(manifestUrl, "utf8");
  const digest = createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).update(text).digest("hex").slice(0, 16);
  if (passedBefore("action-manifest", digest)) {
    committed = JSON.parse(text) as ActionManifest;
  } else {
    committed = parseActionManifest(text);
    rememberPassed("action-manifest", digest);
  }
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
