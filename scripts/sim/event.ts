/**
 * The event a simulation runs for, described by a few fields (zod-validated), and
 * the `github` context and event payload GitHub would build from it. Everything not
 * given gets a fixed default so that a plan is the same on every machine.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { EventInput } from "./scenario.ts";

const branch = z.string().min(1).regex(/^[^\s~^:?*[\\]+$/, "a branch name without spaces or ~^:?*[\\");

export const eventDescription = z
  .strictObject({
    event: z.enum(["push", "pull_request", "workflow_dispatch", "issues"]),
    owner: z.string().min(1).default("Wikid82"),
    repo: z.string().min(1).default("charon"),
    actor: z.string().min(1).optional(),
    /** Pull request number (pull_request only). */
    pr: z.number().int().positive().optional(),
    /** Issue number (issues only). */
    issue: z.number().int().positive().optional(),
    /** The issue's activity (issues only; default opened): what `on.issues.types` is matched against. */
    action: z.string().regex(/^[a-z_]+$/, "an activity type such as opened").optional(),
    /** Pull request or issue title (pull_request and issues only). */
    title: z.string().optional(),
    /** Head commit message (push only). */
    message: z.string().optional(),
    /** Full ref for push and workflow_dispatch; defaults to the default branch. */
    ref: z.string().startsWith("refs/", "a full ref such as refs/heads/main").optional(),
    /** Head branch of a pull request. */
    head: branch.optional(),
    /** Base branch of a pull request. */
    base: branch.optional(),
    /** Owner of the fork a pull request comes from (its token is read-only); absent: a branch of the repository itself. */
    fork: z.string().min(1).optional(),
    defaultBranch: branch.default("main"),
    sha: z.string().regex(/^[0-9a-f]{40}$/, "40 lower-case hex digits").optional(),
    /** The instant the run happens at (labels such as org.opencontainers.image.created). */
    timestamp: z.iso.datetime().default("2026-01-12T00:00:00.000Z"),
  })
  .superRefine((e, ctx) => {
    if (e.event === "pull_request" && e.pr === undefined) ctx.addIssue({ code: "custom", path: ["pr"], message: "a pull_request event needs a PR number; add --pr N" });
    if (e.event === "issues" && e.issue === undefined) ctx.addIssue({ code: "custom", path: ["issue"], message: "an issues event needs an issue number; add --issue N" });
    if (e.event !== "pull_request") {
      for (const key of ["pr", "head", "base", "fork"] as const) {
        if (e[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `"${key}" only applies to pull_request events; remove it or use --event pull_request` });
      }
    }
    if (e.event !== "pull_request" && e.event !== "issues" && e.title !== undefined) ctx.addIssue({ code: "custom", path: ["title"], message: `"title" only applies to pull_request and issues events; remove it` });
    for (const key of ["issue", "action"] as const) {
      if (e.event !== "issues" && e[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `"${key}" only applies to issues events; remove it or use --event issues` });
    }
    if (e.event === "issues" && e.ref !== undefined) ctx.addIssue({ code: "custom", path: ["ref"], message: "an issues event runs on the default branch; remove --ref" });
    if (e.event === "pull_request" && e.ref !== undefined) ctx.addIssue({ code: "custom", path: ["ref"], message: "a pull_request ref is refs/pull/<pr>/merge; give --head/--base instead of --ref" });
    if (e.event !== "push" && e.message !== undefined) ctx.addIssue({ code: "custom", path: ["message"], message: "a head-commit message only applies to push events" });
  });

export type EventDescription = z.output<typeof eventDescription>;

/** True when A and B are the same type, optional and read-only fields alike (TypeScript's identity check, through generic functions). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// The scenarios' event type is declared apart from zod (scenario.ts): the compiler holds it to what this schema reads.
true satisfies Same<z.input<typeof eventDescription>, EventInput>;

/** Validates an event description; the error names each bad field and its fix. */
export function parseEvent(input: unknown): EventDescription {
  const parsed = eventDescription.safeParse(input);
  if (!parsed.success) {
    throw new Error(`invalid event description:\n  ${parsed.error.issues.map((i) => `${i.path.join(".") || "(event)"}: ${i.message}`).join("\n  ")}`);
  }
  return parsed.data;
}

/** The `github` context as plain data (the simulation turns it into expression data). */
export interface GithubContext {
  readonly event_name: string;
  readonly ref: string;
  readonly ref_name: string;
  readonly ref_type: "branch";
  readonly sha: string;
  readonly head_ref: string;
  readonly base_ref: string;
  readonly actor: string;
  readonly triggering_actor: string;
  readonly repository: string;
  readonly repository_owner: string;
  readonly event: Readonly<Record<string, unknown>>;
  readonly workflow: string;
  readonly job: string;
  readonly run_id: string;
  readonly run_number: string;
  readonly run_attempt: string;
  readonly server_url: string;
  readonly api_url: string;
  readonly token: string;
}

function fakeSha(seed: string): string {
  return createHash("sha1").update(seed).digest("hex");
}

/** The activity of an issues event (`opened` unless the description names another). */
export function issueActivity(e: EventDescription): string {
  return e.action ?? "opened";
}

/** The branch a push or manual run is on, or the base branch of a pull request (what branch filters match). */
export function filterBranch(e: EventDescription): string {
  if (e.event === "pull_request") return e.base ?? e.defaultBranch;
  return (e.ref ?? `refs/heads/${e.defaultBranch}`).replace(/^refs\/heads\//, "");
}

/** Builds the `github` context (with the event payload) for an event description. */
export function githubContext(e: EventDescription, workflowName: string): GithubContext {
  const actor = e.actor ?? e.fork ?? e.owner;
  const fullName = `${e.owner}/${e.repo}`;
  const sha = e.sha ?? fakeSha(JSON.stringify(e));
  const repository = {
    name: e.repo,
    full_name: fullName,
    owner: { login: e.owner },
    default_branch: e.defaultBranch,
    html_url: `https://github.com/${fullName}`,
  };
  const sender = { login: actor };
  const common = { workflow: workflowName, job: "", run_id: "1", run_number: "1", run_attempt: "1", server_url: "https://github.com", api_url: "https://api.github.com", token: "***" };
  if (e.event === "pull_request") {
    const number = e.pr!;
    const head = e.head ?? `pr-${number}-branch`;
    const base = e.base ?? e.defaultBranch;
    const headSha = fakeSha(`head:${sha}`);
    const pullRequest = {
      number,
      title: e.title ?? `Pull request #${number}`,
      user: { login: actor },
      head: { ref: head, sha: headSha, repo: e.fork === undefined ? repository : { ...repository, full_name: `${e.fork}/${e.repo}`, owner: { login: e.fork }, html_url: `https://github.com/${e.fork}/${e.repo}` } },
      base: { ref: base, sha: fakeSha(`base:${sha}`), repo: repository },
    };
    return {
      ...common,
      event_name: "pull_request",
      ref: `refs/pull/${number}/merge`,
      ref_name: `${number}/merge`,
      ref_type: "branch",
      sha,
      head_ref: head,
      base_ref: base,
      actor,
      triggering_actor: actor,
      repository: fullName,
      repository_owner: e.owner,
      event: { action: "synchronize", number, pull_request: pullRequest, repository, sender },
    };
  }
  const ref = e.ref ?? `refs/heads/${e.defaultBranch}`;
  const refName = ref.replace(/^refs\/(heads|tags)\//, "");
  const event: Record<string, unknown> =
    e.event === "push"
      ? {
          ref,
          after: sha,
          head_commit: { id: sha, message: e.message ?? "Update", timestamp: e.timestamp, author: { name: actor } },
          commits: [{ id: sha, message: e.message ?? "Update", timestamp: e.timestamp }],
          repository,
          pusher: { name: actor },
          sender,
        }
      : e.event === "issues"
        ? { action: issueActivity(e), issue: { number: e.issue, title: e.title ?? `Issue #${e.issue}`, body: "", state: "open", user: { login: actor } }, repository, sender }
        : { ref, inputs: {}, repository, sender };
  return {
    ...common,
    event_name: e.event,
    ref,
    ref_name: refName,
    ref_type: "branch",
    sha,
    head_ref: "",
    base_ref: "",
    actor,
    triggering_actor: actor,
    repository: fullName,
    repository_owner: e.owner,
    event,
  };
}

/** One line naming the event, for reports. */
export function describeEvent(e: EventDescription): string {
  const who = `${e.owner}/${e.repo}`;
  if (e.event === "pull_request") return `pull_request #${e.pr} on ${who}${e.fork ? ` from the fork ${e.fork}/${e.repo}` : ""} into "${e.base ?? e.defaultBranch}"${e.title !== undefined ? `, title "${e.title}"` : ""}${e.actor ? ` by "${e.actor}"` : ""}`;
  const at = filterBranch(e);
  if (e.event === "push") return `push to "${at}" on ${who}${e.message !== undefined ? `, message "${e.message}"` : ""}${e.actor ? ` by "${e.actor}"` : ""}`;
  if (e.event === "issues") return `issues #${e.issue} ${issueActivity(e)} on ${who}${e.title !== undefined ? `, title "${e.title}"` : ""}${e.actor ? ` by "${e.actor}"` : ""}`;
  return `workflow_dispatch on "${at}" of ${who}`;
}
