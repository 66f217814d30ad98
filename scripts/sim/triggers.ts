/**
 * Does an event start the workflow: its `on:` entry and its branch or tag filters, with
 * GitHub's filter patterns (`*` within a path segment, `**` across, `?`, `!` to
 * exclude again), or for issues the activity types. Path filters are not evaluated:
 * the plan says they are assumed to match.
 */
import type { EventDescription } from "./event-description.ts";
import { filterBranch, issueActivity } from "./event.ts";
import type { TriggerFilter, WorkflowShape } from "./workflow-shape.ts";

/** The names of the events that start a workflow. */
export function triggerNames(workflow: WorkflowShape): string[] {
  const on = workflow.on;
  return typeof on === "string" ? [on] : Array.isArray(on) ? on : Object.keys(on);
}

/** The activity types and the branch, tag and path filters of one of a workflow's events (undefined when it has none). */
export function triggerFilter(workflow: WorkflowShape, event: string): TriggerFilter | undefined {
  const on = workflow.on;
  const entry = typeof on === "object" && !Array.isArray(on) && Object.hasOwn(on, event) ? on[event] : undefined;
  return entry === null || entry === undefined || Array.isArray(entry) ? undefined : entry;
}

function patternRegex(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += ".";
    else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** Applies a GitHub filter list (later `!pattern` entries exclude again) to a name. */
export function matchesFilter(patterns: readonly string[], name: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) {
      if (patternRegex(pattern.slice(1)).test(name)) matched = false;
    } else if (patternRegex(pattern).test(name)) matched = true;
  }
  return matched;
}

export interface TriggerDecision {
  readonly triggered: boolean;
  readonly reason: string;
}

/** Decides whether the event starts the workflow, and why. */
export function triggers(workflow: WorkflowShape, event: EventDescription): TriggerDecision {
  if (!triggerNames(workflow).includes(event.event)) return { triggered: false, reason: `"on" has no "${event.event}" trigger` };
  const filter = triggerFilter(workflow, event.event);
  if (event.event === "issues") {
    const types = filter?.types === undefined ? undefined : [filter.types].flat();
    const activity = issueActivity(event);
    return types && !types.includes(activity) ? { triggered: false, reason: `"${activity}" is not in on.issues.types` } : { triggered: true, reason: `on.issues matches "${activity}"` };
  }
  const pathNote = filter?.paths || filter?.["paths-ignore"] ? "; path filters not evaluated (assumed to match)" : "";
  // A push filtered only by tags starts no run for a branch, and one filtered only by branches none for a tag.
  const filtersTags = filter?.tags !== undefined || filter?.["tags-ignore"] !== undefined;
  const filtersBranches = filter?.branches !== undefined || filter?.["branches-ignore"] !== undefined;
  const ref = event.ref ?? `refs/heads/${event.defaultBranch}`;
  if (event.event === "push" && ref.startsWith("refs/tags/")) {
    const tag = ref.slice("refs/tags/".length);
    if (filtersBranches && !filtersTags) return { triggered: false, reason: `tag "${tag}" is pushed, and on.push filters only branches` };
    if (filter?.tags && !matchesFilter(filter.tags, tag)) return { triggered: false, reason: `tag "${tag}" is not in on.push.tags` };
    if (filter?.["tags-ignore"] && matchesFilter(filter["tags-ignore"], tag)) return { triggered: false, reason: `tag "${tag}" is in on.push.tags-ignore` };
    return { triggered: true, reason: `on.push matches tag "${tag}"${pathNote}` };
  }
  const branch = filterBranch(event);
  const what = event.event === "pull_request" ? `base branch "${branch}"` : `branch "${branch}"`;
  if (event.event === "push" && filtersTags && !filtersBranches) return { triggered: false, reason: `${what} is pushed, and on.push filters only tags` };
  if (event.event !== "workflow_dispatch" && filter?.branches && !matchesFilter(filter.branches, branch)) {
    return { triggered: false, reason: `${what} is not in on.${event.event}.branches` };
  }
  if (event.event !== "workflow_dispatch" && filter?.["branches-ignore"] && matchesFilter(filter["branches-ignore"], branch)) {
    return { triggered: false, reason: `${what} is in on.${event.event}.branches-ignore` };
  }
  return { triggered: true, reason: `on.${event.event} matches ${what}${pathNote}` };
}
