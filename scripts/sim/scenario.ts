/**
 * One event a workflow is simulated for, as a workflow's scenarios module declares it
 * (`workflows-src/<name>.scenarios.ts`). Those modules are type-checked with the
 * workflow sources before gen emits anything (tsconfig.sources.json), so this type is
 * declared without zod: reading zod's declarations (and the simulation's modules) took
 * that check, on every edit, about a seventh of its time. event.ts checks that its
 * schema reads exactly this input.
 */

/** An event as written: which event, and the fields a simulation fills in otherwise (see event.ts). */
export interface EventInput {
  event: "push" | "pull_request" | "workflow_dispatch" | "issues";
  owner?: string | undefined;
  repo?: string | undefined;
  actor?: string | undefined;
  /** Pull request number (pull_request only). */
  pr?: number | undefined;
  /** Issue number (issues only). */
  issue?: number | undefined;
  /** The issue's activity (issues only; default opened). */
  action?: string | undefined;
  /** Pull request or issue title (pull_request and issues only). */
  title?: string | undefined;
  /** Head commit message (push only). */
  message?: string | undefined;
  /** Full ref for push and workflow_dispatch; defaults to the default branch. */
  ref?: string | undefined;
  /** Head branch of a pull request. */
  head?: string | undefined;
  /** Base branch of a pull request. */
  base?: string | undefined;
  /** Owner of the fork a pull request comes from; absent: a branch of the repository itself. */
  fork?: string | undefined;
  defaultBranch?: string | undefined;
  sha?: string | undefined;
  /** The instant the run happens at. */
  timestamp?: string | undefined;
}

/** One event worth simulating, with the label reports show for it. */
export interface Scenario {
  readonly label: string;
  readonly event: EventInput;
}
