/**
 * The `run:` script of a step as the rules read it: parsed once (by the shell adapter)
 * with the grammar of the shell that runs it. The shell is the step's `shell:`, else
 * the job's or the workflow's `defaults.run.shell`, else bash (PowerShell on a
 * `windows` runner, as GitHub does). A script for another interpreter (python, cmd,
 * node) is not shell: rules that read shell skip it.
 */
import { readShell, type ShellDialect, type ShellScript } from "../shell/read-shell.ts";
import type { WorkflowObject } from "./document.ts";
import { isYamlMap, type StepEntry } from "./walk.ts";

const parsed = new WeakMap<object, ShellScript | null>();
/** Scripts by dialect and text: generated workflows repeat the same script in many jobs. Emptied when full, so memory stays bounded. */
const byText = new Map<string, ShellScript>();
const MAX_REMEMBERED_SCRIPTS = 5_000;

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
    const dialect = dialectOf(workflow, entry);
    script = dialect ? readRemembered(run, dialect) : null;
    parsed.set(entry.step, script);
  }
  return script ?? undefined;
}

const plainTexts = new WeakMap<object, string>();

/** A script's text as the prefilter of `runScriptOf` compares it: lower case, quotes, backslashes and escaped line breaks removed. */
function plainText(step: object, run: string): string {
  let text = plainTexts.get(step);
  if (text === undefined) plainTexts.set(step, (text = run.replaceAll("\\\n", "").replace(/["'\\]/g, "").toLowerCase()));
  return text;
}

function readRemembered(text: string, dialect: ShellDialect): ShellScript {
  const key = `${dialect}\u0000${text}`;
  let script = byText.get(key);
  if (!script) {
    if (byText.size >= MAX_REMEMBERED_SCRIPTS) byText.clear();
    byText.set(key, (script = readShell(text, dialect)));
  }
  return script;
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
