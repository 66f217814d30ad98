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

/** `owner/repo` or `owner/repo/path/…`: what precedes `@` in a `uses:` value; no segment is `.` or `..`. */
export const actionPathPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*(\/(?!\.\.?(\/|$))[A-Za-z0-9_.-]+)+$/;

/** A full commit id as git prints it: 40 lower-case hex digits. */
export const commitPattern = /^[0-9a-f]{40}$/;

/**
 * Why `tag` is not a tag name git accepts (`git check-ref-format` for
 * `refs/tags/<tag>`, and `git tag`'s refusal of a leading "-"), or undefined when it
 * is. Characters that are invisible or break lines are refused too: the tag is shown
 * in every `uses:` comment and read by reviewers, and it becomes part of request URLs.
 */
export function tagNameProblem(tag: string): string | undefined {
  if (tag === "") return "is empty";
  if (tag.startsWith("-")) return 'starts with "-"';
  if (tag.includes("..")) return 'contains ".."';
  if (tag.includes("@{")) return 'contains "@{"';
  const forbidden = /[\x00-\x20\x7f~^:?*[\\]|[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Z}]/u.exec(tag);
  if (forbidden) {
    const ch = forbidden[0];
    const shown = /[\x21-\x7e]/.test(ch) ? `"${ch}"` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    return `contains ${shown}, which a tag name cannot hold`;
  }
  if (tag.startsWith("/") || tag.endsWith("/") || tag.includes("//")) return 'has an empty component (a leading, trailing or double "/")';
  if (tag.endsWith(".")) return 'ends with "."';
  if (tag.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock"))) return 'has a component that starts with "." or ends with ".lock"';
  return undefined;
}

/** A string that must be a tag name (see `tagNameProblem`). */
export function tagNameSchema(z: typeof Zod) {
  return z.string().superRefine((tag, ctx) => {
    const problem = tagNameProblem(tag);
    if (problem) ctx.addIssue({ code: "custom", message: `${problem}; write the release tag as git names it (e.g. "v1.2.3")` });
  });
}

/**
 * A JSON object of named entries, validated entry by entry. Unlike `z.record`, which
 * drops a key named `__proto__`, it keeps every own key (the result has no prototype,
 * so no name — `__proto__`, `constructor` — finds an inherited member).
 */
export function ownEntries<T>(z: typeof Zod, value: Zod.ZodType<T>) {
  return z.unknown().transform((data, ctx): Record<string, T> => {
    const entries: Record<string, T> = Object.create(null);
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      ctx.addIssue({ code: "invalid_type", expected: "object", input: data, message: "must be an object of named entries" });
      return entries;
    }
    for (const [name, item] of Object.entries(data)) {
      const parsed = value.safeParse(item);
      if (parsed.success) entries[name] = parsed.data;
      else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [name, ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
    }
    return entries;
  });
}

/**
 * A manifest key: the action path, with `@<label>` for another pinned version of an
 * action the manifest already has (`actions/checkout@v4` beside `actions/checkout`).
 * A path ending in `.yml` is a reusable workflow (`owner/repo/.github/workflows/x.yml`).
 */
export const manifestKeyPattern = new RegExp(`${actionPathPattern.source.slice(0, -1)}(@[A-Za-z0-9][A-Za-z0-9_.-]*)?$`);

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
    commit: z.string().regex(commitPattern, "must be a full 40-hex commit id in lower case"),
    tag: tagNameSchema(z),
    inputs: ownEntries(z, inputFacts),
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
