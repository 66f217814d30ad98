/**
 * The contract between the simulation and a model of one action: what the step
 * gets (its evaluated `with:` and `env:`, the run's context and sandboxes) and what
 * it gives back (outcome, outputs, a one-line account of what it did).
 */
import type { EventDescription } from "../event-description.ts";
import type { GithubContext } from "../event.ts";
import type { JobSandbox, RunSandbox } from "../run-step.ts";
import type { GithubScriptRunner } from "./github-script-runner.ts";

export interface ArtifactRecord {
  readonly name: string;
  readonly files: readonly string[];
  readonly uploadedBy: string;
  readonly retentionDays: string;
  readonly downloadedBy: string[];
}

/** A comment a step posted on an issue or pull request. */
export interface CommentRecord {
  readonly issue: number;
  readonly body: string;
  readonly postedBy: string;
}

/** State shared by every job of one simulated run. */
export interface RunState {
  readonly sandbox: RunSandbox;
  readonly artifacts: Map<string, ArtifactRecord>;
  readonly comments: CommentRecord[];
  /** References every build step applied, in order. */
  readonly applied: string[];
  /** The process github-script bodies run in, shared by the plans of one computation. */
  readonly scripts: GithubScriptRunner;
}

export interface ModelInput {
  readonly with: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
  readonly github: GithubContext;
  readonly event: EventDescription;
  readonly job: JobSandbox;
  readonly run: RunState;
  /** `job-id/step-id-or-index`, for records. */
  readonly stepRef: string;
}

export interface ModelResult {
  readonly outcome: "success" | "failure";
  readonly outputs: Readonly<Record<string, string>>;
  /** Variables the action exports for later steps. */
  readonly env?: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly error?: string;
  /** The step was stopped at a time limit: how it ends depends on the machine's speed. */
  readonly timedOut?: true;
}

export interface ActionModel {
  /** `owner/repo[/path]`, the `uses:` value without the version. */
  readonly action: string;
  /** What the model reproduces, in one line (shown in plans). */
  readonly describes: string;
  /** What the step does; a model that runs code (github-script) answers asynchronously. */
  run(input: ModelInput): ModelResult | Promise<ModelResult>;
}

/** Turns an action input that holds a boolean (`true`, `True`, `false`, empty) into one. */
export function booleanInput(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === "") return fallback;
  return /^true$/i.test(value.trim());
}

/** Splits a list input the way docker's actions do: by newline, and also by comma unless told not to. */
export function listInput(value: string | undefined, splitCommas: boolean): string[] {
  if (!value) return [];
  return value
    .split(splitCommas ? /\r?\n|,/ : /\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !s.startsWith("#"));
}
