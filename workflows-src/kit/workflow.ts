/**
 * Workflows. `workflow()` assembles jobs into the lib's workflow model, checks the
 * whole (every job's problems, duplicate job ids, needed jobs that are missing,
 * every expression parsed by GitHub's parser) and throws one `BuildError` listing
 * every problem, or returns the built workflow.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedWorkflowTypes } from "@github-actions-workflow-ts/lib";
import { NormalJob, ReusableWorkflowCallJob, Workflow } from "@github-actions-workflow-ts/lib";
import { BuildError, type Problem } from "./build-error.ts";
import { parseExpression, splitTemplate } from "./expression-syntax.ts";
import type { Value } from "./expr.ts";
import { collectWaivers, type Concurrency, type Defaults, type JobHandle, type Permissions } from "./job.ts";
import { referencesIn, toModel, type RawFields } from "./model.ts";
import { defaultPermissions, unnamed } from "./omissions.ts";
import { once } from "./once.ts";
import { PROJECT_ROOT } from "./project-root.ts";
import { callTriggerModel, type CallableWorkflow, type WorkflowCallTrigger } from "./reusable.ts";
import { callerLocation } from "./source-location.ts";
import type { EventName, Triggers, WorkflowDispatch } from "./triggers.ts";
import type { Waiver, Waivers } from "./waiver.ts";

/** A workflow as the author writes it. */
export interface WorkflowSpec {
  /** The workflow's name (plain text: GitHub evaluates no expression here; see `run-name`). */
  name: string | typeof unnamed;
  /** The name of each run, which may read the event and inputs. */
  "run-name"?: Value;
  on: Triggers;
  /** Required: the workflow-wide token scopes (`{}` so each job declares its own). */
  permissions: Permissions;
  env?: Readonly<Record<string, Value>>;
  concurrency?: Concurrency;
  defaults?: Defaults;
  jobs: readonly JobHandle[];
  /** Lint rules waived on the whole workflow, each with the reason a reviewer reads. */
  waive?: Waivers;
  /** Keys the kit does not type, written as given (the escape hatch for workflows). */
  raw?: RawFields;
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
  /** YAML path (`""` for the workflow, `jobs.<id>`, `jobs.<id>.steps[i]`) → the lint rules waived there. */
  readonly waivers: ReadonlyMap<string, readonly Waiver[]>;
  /** The reusable workflows its jobs call. */
  readonly calls: readonly CallableWorkflow[];
  /** Its `workflow_call` trigger, when it is a reusable workflow. */
  readonly callTrigger: WorkflowCallTrigger | undefined;
}

/**
 * The file a workflow module is emitted as, from the project root
 * (`workflows-src/docker-build.ts` → `.github/workflows/docker-build.yml`): a workflow
 * that runs when its own file changes names it in its path filters with this.
 * @param moduleUrl `import.meta.url` of the workflow module
 */
export function emittedWorkflowPath(moduleUrl: string): string {
  return `.github/workflows/${emittedFileName(fileURLToPath(moduleUrl))}`;
}

function emittedFileName(modulePath: string): string {
  return `${path.basename(modulePath).replace(/\.ts$/, "")}.yml`;
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
  const file = emittedFileName(modulePath);
  const { name, on, permissions, jobs, waive, raw, ...rest } = spec;
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

  const triggers = readTriggers(on);
  if (triggers.callTrigger && triggers.callTrigger.workflow.file !== file) {
    problems.push({ path: "on.workflow_call", message: `uses the workflow_call declared for "${triggers.callTrigger.workflow.file}"; declare this workflow's own with reusableWorkflow(import.meta.url, …)`, source: where() });
  }
  problems.push(...triggerReadProblems(triggers, jobs, rest, where));
  const waivers = new Map<string, readonly Waiver[]>();
  problems.push(...collectWaivers("", waive, where, waivers));
  for (const job of jobs) for (const [at, list] of job.waivers) waivers.set(at, list);

  const lib = new Workflow(
    file,
    toModel({
      ...(name !== unnamed ? { name } : {}),
      on: triggers.model,
      ...(permissions !== defaultPermissions ? { permissions } : {}),
      ...rest,
      ...raw?.fields,
    }) as Partial<GeneratedWorkflowTypes.Workflow>,
  );
  // addJob spreads into an object, which would let a duplicate id overwrite a job; duplicates are reported above.
  for (const job of jobs) lib.addJob("uses" in job.job ? new ReusableWorkflowCallJob(job.id, job.job) : new NormalJob(job.id, job.job));
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
    waivers,
    calls: jobs.flatMap((job) => (job.calls ? [job.calls] : [])),
    callTrigger: triggers.callTrigger,
  };
}

/** What the workflow's triggers give: the events, the declarations they attach, and the `on:` model. */
interface ReadTriggers {
  events: ReadonlySet<string>;
  model: unknown;
  dispatch: WorkflowDispatch<never> | undefined;
  callTrigger: WorkflowCallTrigger | undefined;
}

function readTriggers(on: Triggers): ReadTriggers {
  if (typeof on === "string" || Array.isArray(on)) {
    const events = typeof on === "string" ? [on] : (on as readonly EventName[]);
    return { events: new Set(events), model: on, dispatch: undefined, callTrigger: undefined };
  }
  let dispatch: WorkflowDispatch<never> | undefined;
  let callTrigger: WorkflowCallTrigger | undefined;
  const model: Record<string, unknown> = {};
  for (const [event, config] of Object.entries(on as Record<string, unknown>)) {
    if (config === undefined) continue;
    if (isDeclared<WorkflowDispatch<never>>(config, "workflow-dispatch")) {
      dispatch = config;
      model[event] = { inputs: config.specs };
    } else if (isDeclared<WorkflowCallTrigger>(config, "workflow-call")) {
      callTrigger = config;
      model[event] = callTriggerModel(config);
    } else {
      model[event] = config;
    }
  }
  return { events: new Set(Object.keys(model)), model, dispatch, callTrigger };
}

function isDeclared<T>(config: unknown, kind: string): config is T {
  return typeof config === "object" && config !== null && (config as { kind?: unknown }).kind === kind;
}

/**
 * What the workflow reads that its triggers must provide: `inputs.<name>` of a
 * declaration it has, `secrets.<name>` of its own workflow_call, the payload of an
 * event that triggers it, and in workflow_call outputs, jobs of its own.
 */
function triggerReadProblems(triggers: ReadTriggers, jobs: readonly JobHandle[], workflowFields: object, where: () => string | undefined): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const report = (path: string, message: string): void => {
    if (reported.has(message)) return;
    reported.add(message);
    problems.push({ path, message, source: where() });
  };
  const declarations = [triggers.dispatch, triggers.callTrigger?.workflow].filter((d) => d !== undefined);
  const outputs = Object.values(triggers.callTrigger?.outputs ?? {});
  const reads: [string, ReturnType<typeof referencesIn>][] = [
    ["workflow", referencesIn(workflowFields)],
    ["on.workflow_call.outputs", referencesIn(outputs)],
    ...jobs.map((job): [string, ReturnType<typeof referencesIn>] => [`jobs.${job.id}`, [...job.reads]]),
  ];
  for (const [path, refs] of reads) {
    for (const ref of refs) {
      if ((ref.kind === "input" || ref.kind === "secret") && !declarations.includes(ref.owner as never)) {
        report(path, `reads ${ref.kind === "input" ? "inputs" : "secrets"}.${ref.name} of a declaration this workflow's triggers do not have; put it under on.workflow_dispatch or on.workflow_call`);
      } else if (ref.kind === "event" && !triggers.events.has(ref.event) && !triggers.events.has("workflow_call")) {
        report(path, `reads the payload of "${ref.event}", which does not trigger this workflow; add the event to on: or read the payload of one that does`);
      } else if (ref.kind === "workflow-job" && (path !== "on.workflow_call.outputs" || !jobs.includes(ref.owner as JobHandle))) {
        report(path, `reads jobs.${ref.jobId}.outputs, which only a workflow_call output of the job's own workflow may read; read it through needs() in jobs`);
      }
    }
  }
  return problems;
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
