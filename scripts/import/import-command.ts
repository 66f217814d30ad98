/**
 * `npm run import`: turns a workflow file into a module under `workflows-src/`,
 * registers it, and adds the pins it needs to the manifest (with their bindings) —
 * all files or none. The report says what was kept raw, what was waived, and with
 * `--harden` what was fixed.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { formatActionManifest, loadActionManifest, manifestFile, parseActionManifest } from "../actions/action-manifest.ts";
import { parseWorkflowDocument, type WorkflowDocument } from "../lint/document.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { renderBindings, bindingsDir } from "../actions/render-bindings.ts";
import { actionOverrides } from "../../workflows-src/kit/action-overrides.ts";
import { ValidationError } from "../files/validation-error.ts";
import { writeAll } from "../pipeline/write-files.ts";
import { metadataDirs } from "./action-metadata-dirs.ts";
import { identifier, literalCode } from "./code-text.ts";
import { visitExpressions } from "./expression-paths.ts";
import { harden } from "./harden.ts";
import { importWaivers } from "./import-waivers.ts";
import { usesContext, type ActionUsage } from "./uses-plan.ts";
import { writeModule, type CalleeInterface } from "./write-module.ts";
import { stringLiteral } from "../actions/code-text.ts";

/** What the command is asked to do. */
export interface ImportOptions {
  /** The workflow file to import. */
  readonly file: string;
  /** The module's name (default: the file's base name). */
  readonly name?: string;
  readonly harden: boolean;
  /** Folders of action metadata (the `sync-actions --from` layout). */
  readonly actions: readonly string[];
  /** The project to write into. */
  readonly root: string;
  /** Do everything but write: report what the import would write. */
  readonly dryRun?: boolean;
}

/** What the import wrote and what its report says. */
export interface ImportResult {
  readonly name: string;
  readonly written: readonly string[];
  readonly raw: readonly string[];
  readonly untyped: readonly string[];
  readonly waivers: readonly string[];
  readonly changes: readonly string[];
  readonly notes: readonly string[];
  readonly addedPins: readonly string[];
}

/** Thrown for a file that cannot be imported; nothing was written. */
export class ImportError extends Error {
  override name = "ImportError";
}

/** Files longer than this are refused (a workflow is text of a few hundred lines). */
const MAX_BYTES = 4 * 1024 * 1024;

/** Imports one workflow file; throws `ImportError` (having written nothing) when it cannot. */
export async function importWorkflow(options: ImportOptions): Promise<ImportResult> {
  const name = options.name ?? path.basename(options.file).replace(/\.ya?ml$/, "");
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name === "index") throw new ImportError(`"${name}" cannot name a workflow module; give --name with letters, digits, ".", "_" or "-"`);
  const modulePath = `workflows-src/${name}.ts`;
  if (existsSync(path.join(options.root, modulePath))) throw new ImportError(`${modulePath} already exists; import under another --name or remove the module first`);
  if (!existsSync(options.file) || !statSync(options.file).isFile()) throw new ImportError(`${options.file}: no such file; name a workflow YAML file`);
  if (statSync(options.file).size > MAX_BYTES) throw new ImportError(`${options.file}: larger than 4 MiB; a workflow file is not`);

  const text = readFileSync(options.file, "utf8");
  const source = path.basename(options.file);
  // Parsed once, as the lint rules read it: the same document gives the data, the `# tag` comments and the findings.
  let document: WorkflowDocument;
  try {
    // Read as the project will emit it: the project's policy rules apply to it too.
    document = parseWorkflowDocument(source, text, { emitted: true });
  } catch (error) {
    throw new ImportError(`${options.file}: is not a workflow file (${firstLine((error as Error).message)}); fix the file`);
  }
  const comments = usesComments(document.yaml);

  let committed;
  try {
    committed = options.root === PROJECT_ROOT ? loadActionManifest() : parseActionManifest(readFileSync(path.join(options.root, manifestFile), "utf8"), manifestFile);
  } catch (error) {
    if (error instanceof ValidationError) throw new ImportError(error.problems.join("\n"));
    throw error;
  }
  const hardened = options.harden ? await harden(document.workflow) : undefined;
  const workflow = hardened?.workflow ?? document.workflow;
  const uses = usesContext(committed, metadataDirs(options.actions), options.harden, actionUsage(workflow));
  const waivers = await importWaivers(hardened ? undefined : document, workflow, source);

  let written;
  try {
    written = writeModule({
      name,
      source,
      workflow,
      usesComments: comments,
      uses,
      waivers,
      localCallee: (calleeUses) => localCallee(calleeUses, options, name),
      scriptFileLines: 3,
    });
  } catch (error) {
    throw new ImportError((error as Error).message);
  }

  const files = [
    { path: modulePath, content: written.text },
    ...written.files.map((f) => ({ path: `workflows-src/${f.path}`, content: f.content })),
    { path: "workflows-src/index.ts", content: registered(readFileSync(path.join(options.root, "workflows-src/index.ts"), "utf8"), name) },
  ];
  if (uses.added.length) {
    const manifest = parseActionManifest(formatActionManifest(uses.manifest), manifestFile);
    files.push({ path: manifestFile, content: formatActionManifest(manifest) });
    files.push(...renderBindings(manifest, actionOverrides).filter((f) => f.path.startsWith(`${bindingsDir}/`)));
  }
  const paths = options.dryRun ? files.map((f) => f.path) : writeAll(options.root, files, []).written;
  return {
    name,
    written: paths,
    raw: written.raw,
    untyped: written.untyped,
    waivers: written.waivers,
    changes: [...(hardened?.changes ?? []), ...uses.changes],
    notes: [...(hardened?.notes ?? []), ...uses.notes],
    addedPins: uses.added,
  };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

/** The registry with the new module added (import and list entry). */
function registered(index: string, name: string): string {
  const variable = identifier(name);
  const importLine = `import { build as ${variable} } from "./${name}.ts";\n`;
  const lastImport = index.lastIndexOf("\nimport ");
  const afterImports = index.indexOf("\n", lastImport + 1) + 1;
  const withImport = index.slice(0, afterImports) + importLine + index.slice(afterImports);
  const list = withImport.lastIndexOf("];");
  if (list < 0) throw new ImportError(`workflows-src/index.ts: has no list of workflows ("[…];") to add "${name}" to; add it by hand`);
  const before = withImport.slice(0, list).trimEnd();
  const separator = before.endsWith("[") ? "" : ", ";
  return `${before}${separator}${variable}${withImport.slice(list)}`;
}

/** The comment after each `uses:` value (its `# <tag>`), by YAML path. */
function usesComments(document: Document): Map<string, string> {
  const comments = new Map<string, string>();
  const jobs = document.get("jobs", true);
  if (!isMap(jobs)) return comments;
  const note = (at: string, node: unknown): void => {
    if (isScalar(node) && typeof node.comment === "string" && node.comment.trim()) comments.set(at, node.comment.trim());
  };
  for (const pair of jobs.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !isMap(pair.value)) continue;
    const jobPath = `jobs.${String(pair.key.value)}`;
    note(`${jobPath}.uses`, pair.value.get("uses", true));
    const steps = pair.value.get("steps", true);
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      if (isMap(step)) note(`${jobPath}.steps[${index}].uses`, step.get("uses", true));
    });
  }
  return comments;
}

/** What the workflow passes to and reads from each `uses:` (for facts inferred without metadata). */
function actionUsage(workflow: Record<string, unknown>): Map<string, ActionUsage> {
  const usage = new Map<string, ActionUsage>();
  const entry = (uses: string): ActionUsage => {
    let found = usage.get(uses);
    if (!found) usage.set(uses, (found = { inputs: new Set(), outputs: new Set(), secrets: new Set() }));
    return found;
  };
  for (const [jobId, job] of Object.entries((workflow["jobs"] as Record<string, Record<string, unknown>> | undefined) ?? {})) {
    if (!job || typeof job !== "object") continue;
    if (typeof job["uses"] === "string") {
      const used = entry(job["uses"]);
      for (const name of Object.keys((job["with"] as object | undefined) ?? {})) used.inputs.add(name);
      for (const name of Object.keys(typeof job["secrets"] === "object" && job["secrets"] ? job["secrets"] : {})) used.secrets.add(name);
      visitExpressions(workflow, (p) => {
        if (p[0] === "needs" && p[1] === jobId && p[2] === "outputs" && typeof p[3] === "string") used.outputs.add(p[3]);
      });
    }
    for (const step of Array.isArray(job["steps"]) ? (job["steps"] as Record<string, unknown>[]) : []) {
      if (!step || typeof step["uses"] !== "string") continue;
      const used = entry(step["uses"]);
      for (const name of Object.keys((step["with"] as object | undefined) ?? {})) used.inputs.add(name);
      const id = step["id"];
      if (typeof id === "string") {
        visitExpressions(job, (p) => {
          if (p[0] === "steps" && p[1] === id && p[2] === "outputs" && typeof p[3] === "string") used.outputs.add(p[3]);
        });
      }
    }
  }
  return usage;
}

/**
 * The interface of a local reusable workflow: the declaration of a module of this
 * project, else the `workflow_call` of the file beside the one being imported (or in
 * the project's `.github/workflows/`), declared with `localWorkflowFile`.
 */
function localCallee(uses: string, options: ImportOptions, name: string): CalleeInterface | undefined {
  const file = path.basename(uses);
  const base = file.replace(/\.ya?ml$/, "");
  const candidates = [path.join(options.root, ".github/workflows", file), path.join(path.dirname(options.file), file)];
  const yamlFile = candidates.find((candidate) => existsSync(candidate));
  const declared = yamlFile ? callInterface(readFileSync(yamlFile, "utf8")) : undefined;
  if (!declared) return undefined;
  const moduleFile = path.join(options.root, "workflows-src", `${base}.ts`);
  if (base !== name && existsSync(moduleFile) && /\bexport const workflowCall\b/.test(readFileSync(moduleFile, "utf8"))) {
    const variable = identifier(base, "Call");
    return { code: variable, importLine: `import { workflowCall as ${variable} } from "./${base}.ts";`, inputs: declared.types, outputs: new Set(declared.outputs) };
  }
  const spec = [
    ...(declared.inputs ? [`inputs: ${literalCode(declared.inputs)}`] : []),
    ...(declared.secrets ? [`secrets: ${literalCode(declared.secrets)}`] : []),
    ...(declared.outputs.length ? [`outputs: ${literalCode(declared.outputs)}`] : []),
  ];
  return { code: `localWorkflowFile(${stringLiteral(uses)}, { ${spec.join(", ")} })`, kitImports: ["localWorkflowFile"], inputs: declared.types, outputs: new Set(declared.outputs) };
}

/** The `workflow_call` declaration of a workflow file, if it has one the kit's types accept. */
function callInterface(text: string): { inputs?: unknown; secrets?: unknown; outputs: string[]; types: Record<string, "string" | "boolean" | "number"> } | undefined {
  let data: unknown;
  try {
    data = parseDocument(text).toJS();
  } catch {
    return undefined;
  }
  const on = (data as { on?: unknown } | null)?.on;
  if (!on || typeof on !== "object" || Array.isArray(on) || !("workflow_call" in on)) return undefined;
  const call = ((on as Record<string, unknown>)["workflow_call"] ?? {}) as Record<string, unknown>;
  const inputs = (call["inputs"] ?? undefined) as Record<string, { type?: unknown }> | undefined;
  const types = Object.fromEntries(Object.entries(inputs ?? {}).map(([key, spec]) => [key, spec?.type === "boolean" || spec?.type === "number" ? spec.type : "string"] as const));
  const secrets = call["secrets"] ?? undefined;
  const outputs = Object.keys((call["outputs"] as object | undefined) ?? {});
  return { ...(inputs ? { inputs } : {}), ...(secrets ? { secrets } : {}), outputs, types };
}
