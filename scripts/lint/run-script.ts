/**
 * The `run:` script of a step as the rules read it: parsed once (by the shell adapter)
 * with the grammar of the shell that runs it. The shell is the step's `shell:`, else
 * the job's or the workflow's `defaults.run.shell`, else bash (PowerShell on a
 * `windows` runner, as GitHub does). A script for another interpreter (python, cmd,
 * node) is not shell: rules that read shell skip it.
 */
import { rememberedScript, type ScriptText } from "../shell/remembered-scripts.ts";
import type { ShellDialect, ShellScript } from "../shell/shell-script.ts";
import type { WorkflowDocument, WorkflowObject } from "./document.ts";
import { allSteps, isYamlMap, type StepEntry } from "./walk.ts";

const parsed = new WeakMap<object, ShellScript | null>();

/**
 * The parsed `run:` script of a step; undefined for an action step or a script that is
 * not shell. With `mentioning` (patterns of command names such as `curl`, or of syntax
 * such as `${X:-0}`), also undefined for a script whose text does not match every one
 * of them once lower-cased and rid of quotes and backslashes (which the shell takes
 * out of words): such a script cannot hold what the caller looks for, and it is not
 * parsed at all. Parsing is most of what the rules cost, and
 * most scripts hold none of what a given rule looks for.
 */
export function runScriptOf(workflow: WorkflowObject, entry: StepEntry, mentioning?: readonly RegExp[]): ShellScript | undefined {
  const run = entry.step["run"];
  if (typeof run !== "string") return undefined;
  if (mentioning && !mentioning.every((pattern) => pattern.test(plainText(entry.step, run)))) return undefined;
  let script = parsed.get(entry.step);
  if (script === undefined) {
    const text = shellTextOf(workflow, entry);
    script = text ? rememberedScript(text.text, text.dialect) : null;
    parsed.set(entry.step, script);
  }
  return script ?? undefined;
}

/** A step's `run:` script with the shell that runs it; undefined for an action step or a script that is not shell. */
function shellTextOf(workflow: WorkflowObject, entry: StepEntry): ScriptText | undefined {
  const run = entry.step["run"];
  const dialect = typeof run === "string" ? dialectOf(workflow, entry) : undefined;
  return dialect ? { text: run as string, dialect } : undefined;
}

const plainTexts = new WeakMap<object, string>();

/** A script's text as the prefilter of `runScriptOf` compares it: lower case, quotes, backslashes and escaped line breaks removed. */
function plainText(step: object, run: string): string {
  let text = plainTexts.get(step);
  if (text === undefined) plainTexts.set(step, (text = run.replaceAll("\\\n", "").replace(/["'\\]/g, "").toLowerCase()));
  return text;
}

/** The shell scripts of the documents' steps, each with its dialect: what `prepareScripts` readies before the rules run. */
export function shellScriptsOf(documents: readonly WorkflowDocument[]): ScriptText[] {
  return documents.flatMap((document) => allSteps(document.workflow).flatMap((entry) => shellTextOf(document.workflow, entry) ?? []));
}

/** The grammar for the shell that runs a step's script; undefined for another interpreter or an unknown shell. */
export function dialectOf(workflow: WorkflowObject, entry: StepEntry): ShellDialect | undefined {
  const shell = entry.step["shell"] ?? defaultShell(entry.job.job) ?? defaultShell(workflow);
  if (shell === undefined) return onWindows(entry.job.job["runs-on"]) ? "powershell" : "bash";
  if (typeof shell !== "string") return undefined;
  const program = (shell.trim().split(/\s+/)[0] ?? "").toLowerCase();
  if (program === "bash" || program === "sh") return "bash";
  if (program === "pwsh" || program === "powershell") return "powershell";
  return undefined;
}

function defaultShell(owner: Record<string, unknown>): unknown {
  const defaults = owner["defaults"];
  const run = isYamlMap(defaults) ? defaults["run"] : undefined;
  return isYamlMap(run) ? run["shell"] : undefined;
}

/** True when a label of `runs-on` names a Windows runner (`windows-latest`, `windows-2022`). */
function onWindows(runsOn: unknown): boolean {
  const labels = typeof runsOn === "string" ? [runsOn] : Array.isArray(runsOn) ? runsOn : [];
  return labels.some((label) => typeof label === "string" && /^windows\b/i.test(label));
}
