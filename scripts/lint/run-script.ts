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

/** The parsed `run:` script of a step; undefined for an action step or a script that is not shell. */
export function runScriptOf(workflow: WorkflowObject, entry: StepEntry): ShellScript | undefined {
  const run = entry.step["run"];
  if (typeof run !== "string") return undefined;
  let script = parsed.get(entry.step);
  if (script === undefined) {
    const dialect = dialectOf(workflow, entry);
    script = dialect ? readRemembered(run, dialect) : null;
    parsed.set(entry.step, script);
  }
  return script ?? undefined;
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
