/**
 * The outputs a step declares, which `steps.<id>.outputs.<name>` may read. The
 * workflow file has no place to declare a run step's outputs, so a run step
 * declares what its script writes to "$GITHUB_OUTPUT"; an action step declares
 * what the action's metadata lists (the committed action manifest).
 */
import { actionPathOf, loadActionManifest } from "../actions/action-manifest.ts";
import { actionOf, type YamlMap } from "./walk.ts";

/**
 * Output names the action declares, keyed `owner/repo[/path]`; undefined for an action
 * not in the manifest. An action pinned at several versions declares what any of them does.
 */
export function actionOutputsOf(action: string): readonly string[] | undefined {
  const versions = Object.entries(loadActionManifest().actions).filter(([key]) => actionPathOf(key) === action);
  return versions.length ? [...new Set(versions.flatMap(([, facts]) => facts.outputs))] : undefined;
}

/**
 * Output names a step declares; undefined when they cannot be known (an action
 * missing from the manifest). github-script steps add the names their body passes
 * to `core.setOutput`.
 */
export function declaredOutputsOf(step: YamlMap): ReadonlySet<string> | undefined {
  const run = step["run"];
  if (typeof run === "string") {
    const written = outputsWrittenBy(run);
    return written ? new Set(written) : undefined;
  }
  const action = actionOf(step);
  if (action === undefined) return new Set();
  const declared = actionOutputsOf(action);
  if (!declared) return undefined;
  const script = (step["with"] as YamlMap | undefined)?.["script"];
  return new Set([...declared, ...(action === "actions/github-script" && typeof script === "string" ? outputsSetBy(script) : [])]);
}

/**
 * Names a shell script writes to "$GITHUB_OUTPUT": `name=value` and `name<<DELIM`
 * at the start of an `echo`/`printf` argument. Scripts that write through a group
 * (`{ echo a=1; echo b=2; } >> "$GITHUB_OUTPUT"`) are covered because every such
 * argument counts once the script mentions GITHUB_OUTPUT; a false name only hides
 * a finding, never invents one. Undefined when a name is computed (`"${kind}=…"`):
 * then the outputs cannot be known from the text.
 */
export function outputsWrittenBy(script: string): string[] | undefined {
  if (!script.includes("GITHUB_OUTPUT")) return [];
  const names: string[] = [];
  for (const match of script.matchAll(/\b(?:echo|printf)\s+(?:-[a-z]+\s+)*(?:'%s\\n'\s+)?["']?(\$\{?[A-Za-z_][^=\s"']*|[A-Za-z_][A-Za-z0-9_-]*)(?:=|<<)/g)) {
    const name = match[1] ?? "";
    if (name.startsWith("$")) return undefined;
    names.push(name);
  }
  return names;
}

/** Names a github-script body passes to `core.setOutput("name", …)`. */
export function outputsSetBy(script: string): string[] {
  return [...script.matchAll(/\bcore\.setOutput\(\s*["'`]([^"'`]+)["'`]/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}
