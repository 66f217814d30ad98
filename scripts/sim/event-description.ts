/**
 * The event a simulation runs for, described by a few fields and validated with zod;
 * a field not given gets its default. Apart from event.ts, which builds the context
 * from a description: gen and check read the scenarios (to know whether a plan is
 * current) without loading zod, which costs a command 70 ms of CPU.
 */
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
