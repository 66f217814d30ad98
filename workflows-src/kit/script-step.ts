/**
 * Steps that run code: shell scripts (`run:`) and `actions/github-script` bodies.
 * Values reach the code only through `env:` (read as "$VAR" / process.env.VAR); a
 * script containing `${{` is refused, because the runner would paste the value into
 * the code before it runs (script injection). Only a reviewed waiver of the
 * `template-injection` rule lets such a script through (an imported workflow not
 * yet fixed).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "./project-root.ts";
import { containsExpression } from "./expression-syntax.ts";
import type { Value } from "./expr.ts";
import { makeStep, type StepHandle, type StepOptions, type StepWithId, type StepWithOutputs } from "./step.ts";
import { usesOf, type Pin } from "./pins.ts";
import { waives } from "./waiver.ts";
import { actionsGithubScript, type ActionsGithubScriptInputs } from "../../generated/actions/index.ts";

/** A shell GitHub knows by name, or a command template with `{0}` for the script file. */
export type Shell = "bash" | "sh" | "pwsh" | "powershell" | "python" | "cmd" | `${string}{0}${string}`;

/** A shell step: the script reads its inputs from `env`. */
export interface ScriptStepSpec extends StepOptions {
  run: string;
  shell?: Shell;
  /** The directory the script runs in (default: the workspace, or the job's `defaults.run`). */
  "working-directory"?: Value;
}

/** An `actions/github-script` step: the body reads its inputs from `process.env`. */
export interface GithubScriptSpec extends StepOptions {
  script: string;
  /** Other inputs of github-script (e.g. `result-encoding`), never the body. */
  with?: Omit<ActionsGithubScriptInputs, "script">;
  /** Another pinned version of github-script to run the body with (its binding, e.g. `actionsGithubScriptV8`); default `actionsGithubScript`. */
  version?: { readonly pin: Pin };
}

type WithId = { id: string };
type WithOutputs<O extends string> = { id: string; outputs: readonly O[] };

/** Builds a `run:` step. A script that contains `${{` is a construction error. */
export function scriptStep<const O extends string>(spec: ScriptStepSpec & WithOutputs<O>): StepWithOutputs<O>;
export function scriptStep(spec: ScriptStepSpec & WithId): StepWithId;
export function scriptStep(spec: ScriptStepSpec): StepHandle;
export function scriptStep(spec: ScriptStepSpec & Partial<WithOutputs<string>>): StepHandle {
  return makeStep(spec, { run: spec.run, shell: spec.shell, "working-directory": spec["working-directory"] }, injectionProblems("run", spec.run, spec));
}

/** Builds an `actions/github-script` step. A body that contains `${{` is a construction error. */
export function githubScriptStep<const O extends string>(spec: GithubScriptSpec & WithOutputs<O>): StepWithOutputs<O>;
export function githubScriptStep(spec: GithubScriptSpec & WithId): StepWithId;
export function githubScriptStep(spec: GithubScriptSpec): StepHandle;
export function githubScriptStep(spec: GithubScriptSpec & Partial<WithOutputs<string>>): StepHandle {
  // The binding's pin, with makeStep: a script declares its own outputs (core.setOutput).
  const pin = (spec.version ?? actionsGithubScript).pin;
  const problems = injectionProblems("script", spec.script, spec);
  if (pin.action !== actionsGithubScript.pin.action) problems.push(`runs its body with "${pin.action}", which is not actions/github-script; pass a github-script binding as version`);
  return makeStep(spec, { uses: usesOf(pin), with: { script: spec.script, ...(spec.with as Readonly<Record<string, Value>> | undefined) } }, problems);
}

function injectionProblems(field: string, code: string, spec: StepOptions): string[] {
  return containsExpression(code) && !waives(spec.waive, "template-injection")
    ? [`has "\${{" inside its ${field}; pass the value through env: and read it as "$VAR" / process.env.VAR`]
    : [];
}

/**
 * Reads a script kept next to the module that uses it, so scripts are real files
 * (editable, shellcheck-able, runnable in tests) and the YAML inlines them.
 * @param moduleUrl `import.meta.url` of the calling module
 * @param relativePath path from that module, e.g. `./scripts/save-pr-image.sh`
 */
export function scriptFile(moduleUrl: string, relativePath: string): string {
  const file = new URL(relativePath, moduleUrl);
  const text = readFileSync(file, "utf8");
  scriptFiles.set(text, path.relative(PROJECT_ROOT, fileURLToPath(file)).split(path.sep).join("/"));
  return text;
}

// The file each script text was read from, so a problem found in a script names that file.
const scriptFiles = new Map<string, string>();

/**
 * The script file (relative to the project root) a step's code was read from by
 * `scriptFile`, and where the code sits in the step; undefined for code written inline.
 */
export function scriptSource(step: { readonly run?: unknown; readonly with?: Readonly<Record<string, unknown>> }): { field: "run" | "with.script"; file: string } | undefined {
  const inRun = typeof step.run === "string" ? scriptFiles.get(step.run) : undefined;
  if (inRun) return { field: "run", file: inRun };
  const body = step.with?.["script"];
  const inScript = typeof body === "string" ? scriptFiles.get(body) : undefined;
  return inScript ? { field: "with.script", file: inScript } : undefined;
}
