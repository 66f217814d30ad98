/**
 * The outputs a step declares, which `steps.<id>.outputs.<name>` may read. The
 * workflow file has no place to declare a run step's outputs, so a run step
 * declares what its script writes to "$GITHUB_OUTPUT"; an action step declares
 * what the action's metadata lists (the committed action manifest).
 */
import { actionPathOf, loadActionManifest } from "../actions/action-manifest.ts";
import { everyScript, type ShellCommand, type ShellScript, type ShellWord } from "../shell/shell-script.ts";
import type { WorkflowObject } from "./document.ts";
import { runScriptOf } from "./run-script.ts";
import { actionOf, type StepEntry } from "./walk.ts";

/**
 * Output names the action declares, keyed `owner/repo[/path]`; undefined for an action
 * not in the manifest, or one whose facts were inferred from a workflow (they list what
 * that workflow read, not what the action declares). An action pinned at several
 * versions declares what any of them does.
 */
export function actionOutputsOf(action: string): readonly string[] | undefined {
  const versions = Object.entries(loadActionManifest().actions).filter(([key]) => actionPathOf(key) === action);
  if (!versions.length || versions.some(([, facts]) => facts.inferred)) return undefined;
  return [...new Set(versions.flatMap(([, facts]) => facts.outputs))];
}

/**
 * Output names a step declares; undefined when they cannot be known (an action
 * missing from the manifest, a script that is not shell or writes computed names).
 * github-script steps add the names their body passes to `core.setOutput`.
 */
export function declaredOutputsOf(workflow: WorkflowObject, entry: StepEntry): ReadonlySet<string> | undefined {
  const { step } = entry;
  if (typeof step["run"] === "string") {
    const script = runScriptOf(workflow, entry);
    const written = script && outputsWrittenBy(script);
    return written ? new Set(written) : undefined;
  }
  const action = actionOf(step);
  if (action === undefined) return new Set();
  const declared = actionOutputsOf(action);
  if (!declared) return undefined;
  const script = (step["with"] as Record<string, unknown> | undefined)?.["script"];
  return new Set([...declared, ...(action === "actions/github-script" && typeof script === "string" ? outputsSetBy(script) : [])]);
}

/**
 * Names a shell script writes to "$GITHUB_OUTPUT": what `echo`/`printf` print there
 * (`name=value`, `name<<DELIM`, through `{ …; } >> "$GITHUB_OUTPUT"` or a loop too),
 * the lines of a here-document `cat` copies there, what is piped into
 * `tee -a "$GITHUB_OUTPUT"`, and the old `::set-output name=…::` command. Undefined
 * when the outputs cannot be known: a name is computed (`"${kind}=…"`), another
 * program writes the file or is handed its path, the script runs a program that is
 * not known to leave the file alone (a script of the repository, `node -e`, `make`:
 * each inherits GITHUB_OUTPUT and may write it), or the script is not bash.
 */
export function outputsWrittenBy(script: ShellScript): string[] | undefined {
  if (script.dialect !== "bash") return undefined;
  const names: string[] = [];
  for (const pipeline of everyScript(script).flatMap((s) => s.pipelines)) {
    for (const command of pipeline.commands) {
      if (command.words.length && !LEAVES_OUTPUTS_ALONE.has(command.name ?? "")) return undefined;
      const setOutput = command.name === "echo" ? setOutputName(command) : undefined;
      if (setOutput === null) return undefined;
      if (setOutput !== undefined) names.push(setOutput);
      const toFile = command.stdout?.kind === "file" && isOutputFile(command.stdout.target);
      const teed = command.name === "tee" && command.words.slice(1).some(isOutputFile);
      if (!toFile && !teed) {
        if (command.expansions.some((e) => e.name === "GITHUB_OUTPUT")) return undefined;
        continue;
      }
      const writer = teed ? pipeline.commands.find((c) => c.stage === command.stage - 1) : command;
      const written = writer && namesPrintedBy(writer);
      if (!written) return undefined;
      names.push(...written);
    }
  }
  return names;
}

/**
 * Builtins and common tools that write "$GITHUB_OUTPUT" only through the redirections
 * read here; any other program may write it itself.
 */
const LEAVES_OUTPUTS_ALONE = new Set([
  "echo", "printf", "cat", "tee", "test", "[", "[[", "((", "true", "false", ":", "exit", "return", "set", "shopt", "export", "local",
  "declare", "readonly", "unset", "shift", "cd", "pushd", "popd", "read", "mapfile", "break", "continue", "wait",
  "trap", "sleep", "date", "basename", "dirname", "pwd", "ls", "mkdir", "rm", "rmdir", "cp", "mv", "ln", "touch", "chmod", "chown",
  "find", "grep", "egrep", "sed", "awk", "cut", "tr", "sort", "uniq", "head", "tail", "wc", "jq", "yq", "base64", "sha256sum",
  "sha1sum", "md5sum", "tar", "unzip", "zip", "gzip", "git", "docker", "curl", "wget", "env", "which", "command", "type", "uname",
  "whoami", "id", "seq", "expr", "bc", "tput", "diff", "realpath", "readlink", "stat", "file", "du", "df", "printenv",
]);

/** True for a word that is the path of the step's output file (`"$GITHUB_OUTPUT"`, `${GITHUB_OUTPUT}`). */
function isOutputFile(word: ShellWord): boolean {
  return word.value === "$GITHUB_OUTPUT" || word.value === "${GITHUB_OUTPUT}";
}

/** The output names a command prints as `name=…`/`name<<…` lines; undefined when they cannot be read. */
function namesPrintedBy(command: ShellCommand): string[] | undefined {
  const args = command.words.slice(1);
  if (command.name === "echo") {
    const first = args.find((w) => !/^-[neE]+$/.test(w.value));
    const name = first && outputName(first.literal, first.value);
    return name ? [name] : undefined;
  }
  if (command.name === "printf") {
    const [format, next] = args;
    if (!format) return undefined;
    const separator = format.literal.search(/=|<</);
    const percent = format.literal.indexOf("%");
    // `printf 'tag=%s\n' "$TAG"` names the output in its format; `printf '%s\n' "tag=$TAG"` in its argument.
    const named = separator >= 0 && (percent < 0 || percent > separator) ? format : format.value.startsWith("%s") ? next : undefined;
    const name = named && outputName(named.literal, named.value);
    return name ? [name] : undefined;
  }
  if (command.name === "cat" && args.length === 0 && command.hereDocument !== undefined) return hereDocumentNames(command.hereDocument);
  return undefined;
}

/** The name of a `name=value` or `name<<DELIM` line, when its literal part holds it whole. */
function outputName(literal: string, value: string): string | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_-]*)(=|<<)/.exec(literal);
  return match && value.startsWith(match[0]) ? match[1] : undefined;
}

/** The names a here-document's lines write; the lines of a multi-line value are skipped. */
function hereDocumentNames(body: string): string[] | undefined {
  const names: string[] = [];
  let delimiter: string | undefined;
  for (const line of body.split("\n")) {
    if (delimiter !== undefined) {
      if (line === delimiter) delimiter = undefined;
      continue;
    }
    if (line.trim() === "") continue;
    const match = /^([A-Za-z_][A-Za-z0-9_-]*)(=|<<(.*))/.exec(line);
    if (!match?.[1]) return undefined;
    names.push(match[1]);
    if (match[3] !== undefined) delimiter = match[3];
  }
  return names;
}

/** The name of an `echo "::set-output name=…::…"`; null when it is computed; undefined for another echo. */
function setOutputName(command: ShellCommand): string | null | undefined {
  const word = command.words.slice(1).find((w) => w.value.startsWith("::set-output "));
  if (!word) return undefined;
  const match = /^::set-output name=([^:]+)::/.exec(word.literal);
  return match?.[1] ?? null;
}

/** Names a github-script body passes to `core.setOutput("name", …)`. */
export function outputsSetBy(script: string): string[] {
  return [...script.matchAll(/\bcore\.setOutput\(\s*["'`]([^"'`]+)["'`]/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}
