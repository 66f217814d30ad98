/**
 * What a change does to the security of a workflow: the token each job gets (a scope
 * widened or narrowed), the actions it runs and their pins, the events that start it,
 * and the lint waivers it carries. A job's token is its own `permissions`, else the
 * workflow's, else the repository's default, which may grant write to every scope
 * and is ranked as write.
 */
import { isDeepStrictEqual } from "node:util";
import { isScalar } from "yaml";
import { pathText } from "../files/yaml-path.ts";
import { nodePathOfLine, type WorkflowDocument } from "../lint/document.ts";
import { writtenWaivers } from "../lint/waivers.ts";
import { stablePath } from "./step-identity.ts";

export type SecurityKind =
  | "permission-widened"
  | "permission-narrowed"
  | "action-added"
  | "action-removed"
  | "pin-changed"
  | "trigger-added"
  | "trigger-removed"
  | "trigger-changed"
  | "waiver-added"
  | "waiver-removed";

/** One security-relevant difference, at a YAML path, with the value before and after (null when absent). */
export interface SecurityChange {
  readonly kind: SecurityKind;
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The security changes from `before` to `after` (either may be absent: a workflow added or removed). */
export function securityChanges(before: WorkflowDocument | undefined, after: WorkflowDocument | undefined): SecurityChange[] {
  return [...permissionChanges(before?.workflow, after?.workflow), ...actionChanges(before, after), ...triggerChanges(before?.workflow, after?.workflow), ...waiverChanges(before, after)];
}

type Level = "none" | "read" | "write" | "default";
const RANK: Readonly<Record<Level, number>> = { none: 0, read: 1, write: 2, default: 2 };
const SCOPES = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "discussions",
  "id-token",
  "issues",
  "models",
  "packages",
  "pages",
  "pull-requests",
  "repository-projects",
  "security-events",
  "statuses",
];

const jobsOf = (workflow: Readonly<Record<string, unknown>> | undefined): Record<string, Record<string, unknown>> =>
  (workflow?.["jobs"] as Record<string, Record<string, unknown>> | undefined) ?? {};

/** The level of every scope a permissions block grants (`undefined`: no block, the repository default). */
function grants(block: unknown): ((scope: string) => Level) | undefined {
  if (block === undefined || block === null) return undefined;
  if (block === "read-all" || block === "write-all") return () => (block === "read-all" ? "read" : "write");
  const map = typeof block === "object" ? (block as Record<string, unknown>) : {};
  return (scope) => (map[scope] === "read" || map[scope] === "write" ? map[scope] : "none");
}

/** The level each scope of a job's token has; a job that does not exist has no token. */
function tokenOf(workflow: Readonly<Record<string, unknown>> | undefined, jobId: string): (scope: string) => Level {
  const job = jobsOf(workflow)[jobId];
  if (!job) return () => "none";
  return grants(job["permissions"]) ?? grants(workflow?.["permissions"]) ?? (() => "default");
}

function permissionChanges(before: Readonly<Record<string, unknown>> | undefined, after: Readonly<Record<string, unknown>> | undefined): SecurityChange[] {
  const changes: SecurityChange[] = [];
  const jobs = [...new Set([...Object.keys(jobsOf(before)), ...Object.keys(jobsOf(after))])];
  for (const jobId of jobs) {
    const was = tokenOf(before, jobId);
    const is = tokenOf(after, jobId);
    for (const scope of SCOPES) {
      const [b, a] = [was(scope), is(scope)];
      if (RANK[b] === RANK[a]) continue;
      changes.push({ kind: RANK[a] > RANK[b] ? "permission-widened" : "permission-narrowed", path: `jobs.${jobId}.permissions.${scope}`, before: b, after: a });
    }
  }
  return changes;
}

/** Every `uses:` of a workflow, by action (`owner/repo[/path]`), with its reference and `# tag` comment. */
function actionsOf(version: WorkflowDocument | undefined): Map<string, { path: string; refs: string[] }> {
  const found = new Map<string, { path: string; refs: string[] }>();
  const add = (path: (string | number)[], uses: unknown) => {
    if (typeof uses !== "string") return;
    const node = version!.yaml.getIn(path, true);
    const tag = isScalar(node) && node.comment ? ` #${node.comment}` : "";
    const at = uses.startsWith("./") || uses.startsWith("docker://") ? -1 : uses.indexOf("@");
    const action = at < 0 ? uses : uses.slice(0, at);
    const ref = at < 0 ? uses : `${uses.slice(at + 1)}${tag}`;
    const entry = found.get(action) ?? { path: pathText(path), refs: [] };
    if (!entry.refs.includes(ref)) entry.refs.push(ref);
    found.set(action, entry);
  };
  for (const [jobId, job] of Object.entries(jobsOf(version?.workflow))) {
    add(["jobs", jobId, "uses"], job["uses"]);
    const steps = Array.isArray(job["steps"]) ? (job["steps"] as Record<string, unknown>[]) : [];
    steps.forEach((step, i) => add(["jobs", jobId, "steps", i, "uses"], step?.["uses"]));
  }
  return found;
}

function actionChanges(before: WorkflowDocument | undefined, after: WorkflowDocument | undefined): SecurityChange[] {
  const was = actionsOf(before);
  const is = actionsOf(after);
  const changes: SecurityChange[] = [];
  for (const [action, { path, refs }] of was) if (!is.has(action)) changes.push({ kind: "action-removed", path, before: `${action}@${refs.join(", ")}`, after: null });
  for (const [action, { path, refs }] of is) {
    const earlier = was.get(action);
    if (!earlier) changes.push({ kind: "action-added", path, before: null, after: `${action}@${refs.join(", ")}` });
    else if (!isDeepStrictEqual([...earlier.refs].sort(), [...refs].sort())) changes.push({ kind: "pin-changed", path, before: `${action}@${earlier.refs.join(", ")}`, after: `${action}@${refs.join(", ")}` });
  }
  return changes;
}

/** `on:` as a map from event to its filter (null when the event has none). */
function triggersOf(workflow: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const on = workflow?.["on"];
  if (typeof on === "string") return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((event) => [String(event), null]));
  return on && typeof on === "object" ? (on as Record<string, unknown>) : {};
}

function triggerChanges(before: Readonly<Record<string, unknown>> | undefined, after: Readonly<Record<string, unknown>> | undefined): SecurityChange[] {
  const was = triggersOf(before);
  const is = triggersOf(after);
  const changes: SecurityChange[] = [];
  for (const event of Object.keys(was)) if (!Object.hasOwn(is, event)) changes.push({ kind: "trigger-removed", path: `on.${event}`, before: was[event] ?? null, after: null });
  for (const event of Object.keys(is)) {
    if (!Object.hasOwn(was, event)) changes.push({ kind: "trigger-added", path: `on.${event}`, before: null, after: is[event] ?? null });
    else if (!isDeepStrictEqual(was[event] ?? null, is[event] ?? null)) changes.push({ kind: "trigger-changed", path: `on.${event}`, before: was[event] ?? null, after: is[event] ?? null });
  }
  return changes;
}

function waiverChanges(before: WorkflowDocument | undefined, after: WorkflowDocument | undefined): SecurityChange[] {
  const keyed = (version: WorkflowDocument | undefined) =>
    new Map((version ? waiversIn(version) : []).map((w) => [`${w.rule}\u0000${w.reason}\u0000${stablePath(version!.workflow, w.path)}`, w]));
  const was = keyed(before);
  const is = keyed(after);
  const text = (w: { rule: string; reason: string }) => `${w.rule} -- ${w.reason}`;
  return [
    ...[...was].filter(([key]) => !is.has(key)).map(([, w]): SecurityChange => ({ kind: "waiver-removed", path: w.path, before: text(w), after: null })),
    ...[...is].filter(([key]) => !was.has(key)).map(([, w]): SecurityChange => ({ kind: "waiver-added", path: w.path, before: null, after: text(w) })),
  ];
}

/** One waiver of a version: the rule it silences, the reason given, and the YAML path of the object on the line it covers. */
export interface VersionWaiver {
  readonly rule: string;
  readonly reason: string;
  readonly path: string;
}

/** The `# lint-ignore:` comments of a version (read as the lint engine reads them), each with the node it covers. */
export function waiversIn(version: WorkflowDocument): VersionWaiver[] {
  return writtenWaivers(version.text).map((w) => ({ rule: w.rule, reason: w.reason, path: nodePathOfLine(version, w.covers) ?? "" }));
}
