/**
 * `npm run import -- --harden`: the mechanical fixes, applied to the parsed workflow
 * before it is written, each reported: explicit token permissions per job, checkouts
 * that do not persist credentials, and `${{ }}` moved out of shell scripts into `env:`.
 * (Pinning `uses:` to commits is done where each `uses:` is planned, uses-plan.ts.)
 * A fix that could change what the workflow does is not made; the report says why.
 */
import { splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";
import { commandsOf, everyScript } from "../shell/shell-script.ts";
import { accessPaths } from "./expression-paths.ts";

// The shell parser (tree-sitter, WebAssembly) loads only when a file is hardened.
type ShellReader = typeof import("../shell/read-shell.ts");

type Data = Record<string, unknown>;

/** The hardened workflow and what was changed, or left with the reason. */
export interface Hardened {
  readonly workflow: Data;
  readonly changes: string[];
  readonly notes: string[];
}

/** Applies the mechanical fixes to a copy of the workflow. */
export async function harden(workflow: Data): Promise<Hardened> {
  const shell = await import("../shell/read-shell.ts");
  const copy = structuredClone(workflow);
  const changes: string[] = [];
  const notes: string[] = [];
  explicitPermissions(copy, changes);
  const jobs = isData(copy["jobs"]) ? copy["jobs"] : {};
  for (const [id, job] of Object.entries(jobs)) {
    if (!isData(job) || !Array.isArray(job["steps"])) continue;
    const steps = job["steps"] as unknown[];
    steps.forEach((step, index) => {
      if (!isData(step)) return;
      const at = `jobs.${id}.steps[${index}]`;
      nonPersistentCheckout(step, steps.slice(index + 1), at, changes, notes, shell);
      if (typeof step["run"] === "string") scriptExpressionsToEnv(step, job, at, changes, notes, shell);
    });
  }
  return { workflow: copy, changes, notes };
}

/**
 * Each job gets its own permissions: the workflow's, moved down, or `contents: read`
 * where the workflow relied on the repository's default; the workflow keeps `{}`.
 */
function explicitPermissions(workflow: Data, changes: string[]): void {
  const top = workflow["permissions"];
  const jobs = isData(workflow["jobs"]) ? workflow["jobs"] : {};
  for (const [id, job] of Object.entries(jobs)) {
    if (!isData(job) || job["permissions"] !== undefined) continue;
    if (top === undefined) {
      job["permissions"] = { contents: "read" };
      changes.push(`jobs.${id}.permissions: set to contents: read (it had the repository's default token); add the scopes the job needs`);
    } else {
      job["permissions"] = structuredClone(top);
      changes.push(`jobs.${id}.permissions: the workflow's permissions, moved to the job`);
    }
  }
  if (top === undefined || (isData(top) && Object.keys(top).length)) {
    workflow["permissions"] = {};
    changes.push(`permissions: {} for the workflow (each job declares its own)`);
  } else if (typeof top === "string") {
    workflow["permissions"] = {};
    changes.push(`permissions: "${top}" replaced by {} for the workflow (each job declares its own)`);
  }
}

/** `persist-credentials: false` on a checkout, unless a later step of the job pushes with git. */
function nonPersistentCheckout(step: Data, later: readonly unknown[], at: string, changes: string[], notes: string[], shell: ShellReader): void {
  const uses = step["uses"];
  if (typeof uses !== "string" || !uses.startsWith("actions/checkout@")) return;
  const inputs = isData(step["with"]) ? step["with"] : {};
  if ("persist-credentials" in inputs) return;
  const pushes = later.some(
    (s) => isData(s) && typeof s["run"] === "string" && everyScript(shell.readShell(s["run"])).some((script) => commandsOf(script).some((c) => c.name === "git" && c.words.some((w) => w.value === "push"))),
  );
  if (pushes) return void notes.push(`${at}: the checkout keeps its credentials: a later step pushes with git`);
  step["with"] = { ...inputs, "persist-credentials": false };
  changes.push(`${at}.with.persist-credentials: false (no later step pushes with git)`);
}

const SHELLS = new Set(["bash", "sh"]);
// Environment names the runner sets or the shell relies on: a moved value never takes one.
const RESERVED = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_)|^(CI|HOME|PATH|PWD|SHELL|USER|LANG|TERM|IFS)$/;

/**
 * Moves each `${{ }}` of a bash or sh script into the step's `env:` and reads it as a
 * variable — `${NAME}` where the shell expands, `'"${NAME}"'` inside single quotes —
 * so the runner no longer pastes values into code. Where the shell expands is read
 * with the shell parser: each expression stands in for a variable, and the ones it
 * reports as expansions are in an expanding place. A script run by another shell, one
 * the parser cannot read whole, or an expression in a quoted here-document, is left
 * as it is and reported.
 */
function scriptExpressionsToEnv(step: Data, job: Data, at: string, changes: string[], notes: string[], shell: ShellReader): void {
  const run = step["run"] as string;
  if (!run.includes("${{")) return;
  const stepShell = step["shell"] ?? (isData(job["defaults"]) && isData(job["defaults"]["run"]) ? job["defaults"]["run"]["shell"] : undefined);
  const runsOn = JSON.stringify(job["runs-on"] ?? "");
  if ((stepShell !== undefined && !SHELLS.has(String(stepShell))) || (stepShell === undefined && /windows/i.test(runsOn))) {
    return void notes.push(`${at}.run: its \${{ }} stay (not a bash or sh script); pass the values through env: by hand`);
  }
  let parts;
  try {
    parts = splitTemplate(run);
  } catch {
    return void notes.push(`${at}.run: its \${{ }} stay (an unterminated expression); fix the script`);
  }
  const env = isData(step["env"]) ? { ...step["env"] } : step["env"] === undefined ? {} : undefined;
  if (!env) return void notes.push(`${at}.run: its \${{ }} stay (the step's env: is an expression)`);
  // Each expression as a variable of its own, to see where the shell expands it.
  const probe = parts.map((part, i) => (part.kind === "text" ? part.text : `\${__kit_${i}__}`)).join("");
  const read = shell.readShell(probe);
  if (!read.complete) return void notes.push(`${at}.run: its \${{ }} stay (the shell parser cannot read the script whole); pass the values through env: by hand`);
  const expanded = new Set(read.expansions.map((e) => e.name));
  const hereDocuments = everyScript(read).flatMap((script) => commandsOf(script).map((c) => c.hereDocument ?? ""));
  const literalInHereDocument = parts.some((part, i) => part.kind === "expression" && !expanded.has(`__kit_${i}__`) && hereDocuments.some((body) => body.includes(`__kit_${i}__`)));
  if (literalInHereDocument) return void notes.push(`${at}.run: its \${{ }} stay (one is in a quoted here-document); pass the values through env: by hand`);
  const names = new Map<string, string>();
  let text = "";
  parts.forEach((part, i) => {
    if (part.kind === "text") return void (text += part.text);
    let name = names.get(part.text);
    if (!name) {
      name = envName(part.text, env, `\${{ ${part.text} }}`);
      names.set(part.text, name);
      env[name] = `\${{ ${part.text} }}`;
    }
    text += expanded.has(`__kit_${i}__`) ? `\${${name}}` : `'"\${${name}}"'`;
  });
  step["run"] = text;
  step["env"] = env;
  changes.push(`${at}.run: moved ${[...names].map(([expression, name]) => `"\${{ ${expression} }}" to env ${name}`).join(", ")}`);
}

/** A variable name for an expression: from the value it reads (`steps.meta.outputs.tags` → `META_TAGS`). */
function envName(expression: string, env: Data, value: string): string {
  // The expression is bare text here: read it as a condition is read, without ${{ }}.
  const paths = accessPaths(expression, true);
  const simple = paths.length === 1 ? paths[0] : undefined;
  let words: (string | number)[] = ["VALUE"];
  if (simple) {
    const [root, ...rest] = simple;
    if (root === "steps" || root === "needs") words = [rest[0] ?? root, rest.at(-1) ?? ""];
    else if (root === "github") words = rest[0] === "event" ? rest.slice(1) : rest;
    else words = [String(root), ...rest];
  }
  const base = words.map(String).join("_").replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toUpperCase() || "VALUE";
  let name = RESERVED.test(base) || /^\d/.test(base) ? `VALUE_${base}` : base;
  for (let n = 2; name in env && env[name] !== value; n++) name = `${base}_${n}`;
  return name;
}

function isData(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
