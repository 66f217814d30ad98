/**
 * Workflows. `workflow()` assembles jobs into the lib's workflow model, checks the
 * whole (every job's problems, duplicate job ids, needed jobs that are missing,
 * every expression parsed by GitHub's parser) and throws one `BuildError` listing
 * every problem, or returns the built workflow.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedWorkflowTypes } from "@github-actions-workflow-ts/lib";
import { NormalJob, Workflow } from "@github-actions-workflow-ts/lib";
import { BuildError, type Problem } from "./build-error.ts";
import { parseExpression, splitTemplate } from "./expression-syntax.ts";
import { toScalar, type Value } from "./expr.ts";
import type { JobHandle } from "./job.ts";
import { once } from "./once.ts";
import { PROJECT_ROOT } from "./project-root.ts";
import { callerLocation } from "./source-location.ts";

/** A workflow as the author writes it. */
export interface WorkflowSpec extends Omit<GeneratedWorkflowTypes.Workflow, "jobs" | "env" | "permissions" | "concurrency" | "name"> {
  name: string;
  /** Required: the workflow-wide token scopes (`{}` so each job declares its own). */
  permissions: GeneratedWorkflowTypes.PermissionsEvent;
  env?: Readonly<Record<string, Value>>;
  concurrency?: { group: Value; "cancel-in-progress": boolean };
  jobs: readonly JobHandle[];
}

/** A workflow ready to emit. */
export interface BuiltWorkflow {
  /** Output file name under `.github/workflows/`, e.g. `docker-build.yml`. */
  readonly file: string;
  /** Source module relative to the project root, e.g. `workflows-src/docker-build.ts`. */
  readonly sourceModule: string;
  readonly workflow: GeneratedWorkflowTypes.Workflow;
  /** YAML path → TypeScript `file:line` that built the object at that path. */
  readonly sources: ReadonlyMap<string, string>;
}


/**
 * Builds a workflow from its module: the output file is named after the module
 * (`docker-build.ts` → `docker-build.yml`).
 * @param moduleUrl `import.meta.url` of the workflow module
 * @throws BuildError with every problem found in the workflow and its jobs
 */
export function workflow(moduleUrl: string, spec: WorkflowSpec): BuiltWorkflow {
  const modulePath = fileURLToPath(moduleUrl);
  const sourceModule = path.relative(PROJECT_ROOT, modulePath).split(path.sep).join("/");
  const file = `${path.basename(modulePath).replace(/\.ts$/, "")}.yml`;
  const { jobs, env, concurrency, ...rest } = spec;
  const problems: Problem[] = [];
  const where = callerLocation();
  const sourcesOf = once(() => {
    const sources = new Map<string, string>();
    const source = where();
    if (source) sources.set("workflow", source);
    for (const job of jobs) for (const [key, value] of job.sources) sources.set(key, value);
    return sources;
  });

  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.id)) {
      problems.push({ path: `jobs.${job.id}`, message: `job id "${job.id}" is used by two jobs; give each job its own id`, source: job.sources.get(`jobs.${job.id}`) });
    }
    seen.add(job.id);
    problems.push(...job.problems);
    for (const needed of job.needs) {
      if (!jobs.includes(needed)) {
        problems.push({ path: `jobs.${job.id}.needs`, message: `needs job "${needed.id}", which is not in this workflow; add it to jobs`, source: job.sources.get(`jobs.${job.id}`) });
      }
    }
  }

  const lib = new Workflow(file, {
    ...rest,
    ...(env ? { env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, toScalar(v)])) } : {}),
    ...(concurrency ? { concurrency: { group: String(toScalar(concurrency.group)), "cancel-in-progress": concurrency["cancel-in-progress"] } } : {}),
  });
  // addJob spreads into an object, which would let a duplicate id overwrite a job; duplicates are reported above.
  for (const job of jobs) lib.addJob(new NormalJob(job.id, job.job));
  const model = lib.workflow as GeneratedWorkflowTypes.Workflow;
  problems.push(...expressionProblems(model, sourcesOf));

  if (problems.length) throw new BuildError(sourceModule, problems);
  return {
    file,
    sourceModule,
    workflow: model,
    get sources() {
      return sourcesOf();
    },
  };
}

// Expression texts that parsed once; the same text always parses the same way.
const parsedTexts = new Set<string>();

/** Parses every `if:` and every `${{ }}` of the model with GitHub's parser. */
function expressionProblems(model: unknown, sources: () => ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: unknown, at: string, isCondition: boolean): void => {
    if (typeof node === "string") {
      try {
        const parts = isCondition && !node.includes("${{") ? [{ kind: "expression", text: node }] : splitTemplate(node);
        for (const part of parts) {
          if (part.kind !== "expression" || parsedTexts.has(part.text)) continue;
          parseExpression(part.text);
          parsedTexts.add(part.text);
        }
      } catch (error) {
        problems.push({ path: at, message: `expression does not parse: ${(error as Error).message}; fix the expression`, source: nearestSource(at, sources()) });
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`, false));
    } else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) visit(value, at ? `${at}.${key}` : key, key === "if");
    }
  };
  visit(model, "", false);
  return problems;
}

function nearestSource(at: string, sources: ReadonlyMap<string, string>): string | undefined {
  for (let p = at; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    const found = sources.get(p);
    if (found) return found;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return sources.get("workflow");
}
