/**
 * How the importer writes each `uses:`: through the generated binding of a pin in the
 * manifest (adding the pin when the file pins a commit the manifest lacks), or through
 * the kit's `localAction`, `dockerAction` or the `unpinnedAction` escape hatch. With
 * `--harden`, a tag or branch ref is pinned to the commit a metadata folder knows for
 * it. A new pin's facts come from its metadata when a folder has it, else they are
 * inferred from how the workflow uses the action and marked `inferred`.
 */
import { actionPathOf, commitPattern, isWorkflowKey, type ActionFacts, type ActionManifest } from "../actions/action-manifest.ts";
import { parseActionMetadata, parseWorkflowCallMetadata } from "../actions/action-metadata.ts";
import { bindingName } from "../actions/render-bindings.ts";
import { ValidationError } from "../files/validation-error.ts";
import { pinForRef, type MetadataDirs } from "./action-metadata-dirs.ts";

/** How one `uses:` is written. */
export type UsesPlan =
  | { readonly kind: "binding"; readonly key: string; readonly binding: string; readonly facts: ActionFacts; readonly uses: string }
  | { readonly kind: "local" | "docker" | "unpinned"; readonly uses: string };

/** What the workflow passes to and reads from one action (or reusable workflow), for inferred facts. */
export interface ActionUsage {
  readonly inputs: Set<string>;
  readonly outputs: Set<string>;
  readonly secrets: Set<string>;
}

/** The manifest as the import grows it, and what it learnt along the way. */
export interface UsesContext {
  readonly manifest: { actions: Record<string, ActionFacts> };
  readonly metadata: MetadataDirs;
  readonly harden: boolean;
  /** How each `owner/repo[/path]@ref` is used in the file being imported. */
  readonly usage: ReadonlyMap<string, ActionUsage>;
  /** Manifest keys the import added. */
  readonly added: string[];
  /** What `--harden` changed, one line each. */
  readonly changes: string[];
  /** What the reader should know (inferred facts, refs left unpinned). */
  readonly notes: string[];
}

/** A context over a copy of the committed manifest. */
export function usesContext(committed: ActionManifest, metadata: MetadataDirs, harden: boolean, usage: ReadonlyMap<string, ActionUsage>): UsesContext {
  return { manifest: { actions: { ...committed.actions } }, metadata, harden, usage, added: [], changes: [], notes: [] };
}

/**
 * The plan for a `uses:` value of a step (or of a job, for a reusable workflow).
 * @param comment the comment after the value in the file (`# v4.1.0`), the tag of a commit pin
 * @param where the YAML path, for the report
 */
export function planUses(uses: string, comment: string | undefined, where: string, context: UsesContext): UsesPlan {
  if (uses.startsWith("./")) return { kind: "local", uses };
  if (uses.startsWith("docker://")) return { kind: "docker", uses };
  const at = uses.lastIndexOf("@");
  // GitHub runs only owner/repo[/path]@ref (or ./path, docker://image): anything else is refused, not guessed at.
  if (at < 0 || !/^[^/@\s]+\/[^/@\s]+(\/[^@\s]+)?$/.test(uses.slice(0, at)) || !uses.slice(at + 1)) {
    throw new Error(`${where}: "${uses}" is not a uses: GitHub accepts (owner/repo[/path]@ref, ./path or docker://image); fix the file`);
  }
  const action = uses.slice(0, at);
  const ref = uses.slice(at + 1);
  if (commitPattern.test(ref)) {
    const tag = comment?.trim().split(/\s+/)[0] || context.metadata.pinsOf(action).find((pin) => pin.commit === ref)?.tag;
    const plan = pinnedPlan(action, ref, tag, uses, context);
    if (!plan) context.notes.push(`${where}: "${uses}" pins a commit whose release tag is unknown (no "# <tag>" comment, no metadata folder lists it); kept unpinned — add its pin to the manifest`);
    return plan ?? { kind: "unpinned", uses };
  }
  if (context.harden) {
    const known = [...Object.entries(context.manifest.actions)].filter(([key]) => actionPathOf(key) === action).map(([, facts]) => ({ action, commit: facts.commit, tag: facts.tag }));
    const pin = pinForRef([...known, ...context.metadata.pinsOf(action)], ref);
    if (pin) {
      const plan = pinnedPlan(action, pin.commit, pin.tag, uses, context);
      if (plan) {
        context.changes.push(`${where}: pinned "${uses}" to ${pin.commit} (${pin.tag})`);
        return plan;
      }
    }
    context.notes.push(`${where}: "${uses}" could not be pinned offline (no metadata folder knows a commit for "${ref}"); kept as written — add its pin to the manifest`);
  }
  return { kind: "unpinned", uses };
}

/** The binding of `action` at `commit`: an entry the manifest has, or one added now; undefined without a tag. */
function pinnedPlan(action: string, commit: string, tag: string | undefined, original: string, context: UsesContext): UsesPlan | undefined {
  const existing = Object.entries(context.manifest.actions).find(([key, facts]) => actionPathOf(key) === action && facts.commit === commit);
  if (existing) {
    const [key, facts] = existing;
    return { kind: "binding", key, binding: bindingName(key), facts, uses: `${action}@${commit}` };
  }
  if (!tag) return undefined;
  const key = newKey(action, tag, context);
  const facts = factsOf(action, commit, tag, original, context);
  context.manifest.actions[key] = facts;
  context.added.push(key);
  return { kind: "binding", key, binding: bindingName(key), facts, uses: `${action}@${commit}` };
}

/** The key of a new entry: the action path, or `path@<major>` beside a version the manifest has. */
function newKey(action: string, tag: string, context: UsesContext): string {
  if (!(action in context.manifest.actions)) return action;
  const label = (/^v?\d+/.exec(tag)?.[0] ?? tag).replace(/[^A-Za-z0-9._-]/g, "-");
  let key = `${action}@${/^\d/.test(label) ? `v${label}` : label}`;
  for (let n = 2; key in context.manifest.actions; n++) key = `${action}@${label}-${n}`;
  return key;
}

function factsOf(action: string, commit: string, tag: string, original: string, context: UsesContext): ActionFacts {
  const found = context.metadata.metadataAt(action, commit);
  let unread = "no metadata offline";
  if (found) {
    try {
      const facts = isWorkflowKey(action) ? parseWorkflowCallMetadata(found.text, found.file) : parseActionMetadata(found.text, found.file);
      return { commit, tag, ...facts };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      unread = `its metadata could not be read (${error.problems.join("; ")})`;
    }
  }
  const usage = context.usage.get(original) ?? { inputs: new Set<string>(), outputs: new Set<string>(), secrets: new Set<string>() };
  context.notes.push(`"${action}" at ${tag}: ${unread}; its inputs and outputs were inferred from this workflow (marked "inferred" in the manifest until \`npm run sync-actions\` confirms them)`);
  return {
    commit,
    tag,
    inputs: Object.fromEntries([...usage.inputs].sort().map((name) => [name, { required: false }])),
    outputs: [...usage.outputs].sort(),
    ...(isWorkflowKey(action) ? { secrets: Object.fromEntries([...usage.secrets].sort().map((name) => [name, { required: false }])) } : {}),
    inferred: true,
  };
}
