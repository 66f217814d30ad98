/**
 * Writes a workflow module from a parsed workflow file: the triggers and their
 * declarations, one `job()` or `callWorkflow()` per job, each step through its
 * binding or the kit's step helpers, long scripts as files beside the module. Every
 * key the kit does not type goes through `rawFields`, every expression it cannot
 * reproduce through `raw()`: nothing is dropped, and the report lists each.
 */
import { isDeepStrictEqual } from "node:util";
import { inputKindsOf } from "../actions/render-bindings.ts";
import type { InputOverride } from "../../workflows-src/kit/action-overrides.ts";
import { actionsGithubScript } from "../../generated/actions/index.ts";
import * as kitExports from "../../workflows-src/kit/index.ts";
import { identifier, keyCode, listCode, literalCode, Names, objectCode, reindent } from "./code-text.ts";
import { NO_HANDLES, type ExpressionScope } from "./expression-code.ts";
import type { KitType } from "./kit-contexts.ts";
import { planUses, type UsesContext, type UsesPlan } from "./uses-plan.ts";
import { visitExpressions } from "./expression-paths.ts";
import { codeLog, dataCode, stringCode, valueMapCode, type CodeLog, type Place } from "./value-code.ts";
import { readEvents, schemaDefinitions } from "../schema/event-types.ts";
import { stringLiteral } from "../actions/code-text.ts";

type Data = Record<string, unknown>;

/** A reusable workflow a job calls, as the importer knows it. */
export interface CalleeInterface {
  /** Code of the callable (a variable imported from another module, or a declaration to write). */
  readonly code: string;
  /** An import line the code needs, if any. */
  readonly importLine?: string;
  /** Kit names the code uses. */
  readonly kitImports?: readonly string[];
  readonly inputs: Readonly<Record<string, "string" | "boolean" | "number">>;
  readonly outputs: ReadonlySet<string>;
}

/** What the module writer needs. */
export interface ModuleInput {
  /** The module's name (the emitted file is `<name>.yml`). */
  readonly name: string;
  /** The file it is imported from, as the report and the header name it. */
  readonly source: string;
  readonly workflow: Data;
  /** Comments after `uses:` values, by YAML path (`jobs.build.steps[0].uses`). */
  readonly usesComments: ReadonlyMap<string, string>;
  readonly uses: UsesContext;
  /** Waivers to write, by node path (`""`, `jobs.<id>`, `jobs.<id>.steps[i]`): rule → reason. */
  readonly waivers: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The interface of a local reusable workflow (`./.github/workflows/x.yml`). */
  readonly localCallee: (uses: string) => CalleeInterface | undefined;
  /** Scripts longer than this many lines are written to files beside the module. */
  readonly scriptFileLines: number;
}

/** The module, its script files and what the report says about it. */
export interface WrittenModule {
  readonly text: string;
  /** Files beside the module: path relative to `workflows-src/`, content. */
  readonly files: readonly { readonly path: string; readonly content: string }[];
  readonly raw: readonly string[];
  readonly untyped: readonly string[];
  readonly waivers: readonly string[];
}

const KIT = "./kit/index.ts";

/** Every name the kit exports (and so may be imported into the module): no local variable takes one. */
const KIT_NAMES = Object.keys(kitExports);

/** Writes the module. @throws Error for a file that is not a workflow (no jobs, a needs cycle). */
export function writeModule(input: ModuleInput): WrittenModule {
  return new ModuleWriter(input).write();
}

class ModuleWriter {
  private readonly log: CodeLog = codeLog();
  private readonly untyped: string[] = [];
  private readonly waiversWritten: string[] = [];
  private readonly files: { path: string; content: string }[] = [];
  private readonly extraImports = new Set<string>();
  private readonly names = new Names(["build", "needs", ...KIT_NAMES]);
  private readonly declarations: string[] = [];
  private readonly inputs = new Map<string, { code: string; type: KitType }>();
  private readonly callSecrets = new Map<string, string>();
  private callable: string | undefined;
  private readonly jobVariables = new Map<string, { variable: string; outputs: Set<string> }>();

  constructor(private readonly input: ModuleInput) {}

  write(): WrittenModule {
    const wf = this.input.workflow;
    const jobs = wf["jobs"];
    if (!isData(jobs) || !Object.keys(jobs).length) throw new Error(`${this.input.source}: has no jobs; a workflow needs at least one`);
    const { name, on, permissions, env, concurrency, defaults, "run-name": runName, jobs: _jobs, ...unknown } = wf;
    const raw: Data = { ...unknown };
    const fields: [string, string][] = [];
    fields.push(["name", typeof name === "string" ? stringLiteral(name) : name === undefined ? this.kit("unnamed") : this.rawField(raw, "name", name, "workflow")]);
    const onCode = this.triggers(on, raw);
    if (onCode) fields.push(["on", onCode]);
    if (runName !== undefined) this.field(fields, raw, "run-name", runName, "run-name", "string");
    fields.push(["permissions", this.permissions(permissions, raw, "permissions")]);
    if (env !== undefined) this.mapField(fields, raw, "env", env, "env");
    if (concurrency !== undefined) this.concurrency(fields, raw, concurrency, "concurrency", this.scope());
    if (defaults !== undefined) this.defaults(fields, raw, defaults, "defaults");

    const order = jobOrder(jobs, this.input.source);
    const jobCode = order.map((id) => this.job(id, jobs[id] as Data));
    fields.push(["jobs", listCode(order.map((id) => this.jobVariables.get(id)!.variable), "    ")]);
    this.waive(fields, "");
    if (Object.keys(raw).length) fields.push(["raw", this.rawFields(raw, "workflow")]);

    const callTrigger = this.callTrigger(on);
    if (callTrigger) {
      const at = fields.findIndex(([key]) => key === "on");
      fields[at] = ["on", fields[at]![1].replace("__WORKFLOW_CALL__", callTrigger)];
    }
    const body = `export function build(): BuiltWorkflow {\n  return workflow(import.meta.url, ${objectCode(fields, "  ")});\n}\n`;
    return { text: reindent(this.moduleText(jobCode, body)), files: this.files, raw: this.log.raw, untyped: this.untyped, waivers: this.waiversWritten };
  }

  private moduleText(jobCode: readonly string[], body: string): string {
    this.log.imports.add("workflow");
    const kitNames = [...this.log.imports].sort((a, b) => a.localeCompare(b, "en"));
    const header = [
      "/**",
      ` * \`${this.input.name}.yml\`, imported from ${this.input.source} by \`npm run import\`.`,
      " * Review the waivers (each reason says what the import kept) and the escape hatches",
      " * (`raw`, `rawFields`, `untyped`, `unpinnedAction`) and replace them with typed code.",
      " */",
    ];
    return [
      ...header,
      `import { ${[...kitNames, "type BuiltWorkflow"].join(", ")} } from "${KIT}";`,
      ...[...this.extraImports].sort(),
      "",
      ...this.declarations.map((d) => `${d}\n`),
      ...jobCode.map((j) => `${j}\n`),
      body,
    ].join("\n");
  }

  private kit(name: string): string {
    this.log.imports.add(name);
    return name;
  }

  // ——— triggers ———

  private triggers(on: unknown, raw: Data): string | undefined {
    if (typeof on === "string" || (Array.isArray(on) && on.every((e) => typeof e === "string"))) {
      if ([on].flat().every((event) => EVENT_NAMES.has(event as string))) return literalCode(on);
      return this.rawOn(on, raw);
    }
    if (!isData(on)) return this.rawOn(on, raw);
    const entries: [string, string][] = [];
    for (const [event, config] of Object.entries(on)) {
      if (event === "workflow_dispatch" && isData(config) && config["inputs"] !== undefined) {
        const declared = this.dispatch(config);
        if (!declared) return this.rawOn(on, raw);
        entries.push([event, declared]);
      } else if (event === "workflow_call") {
        if (!this.declareCallable(config)) return this.rawOn(on, raw);
        entries.push([event, "__WORKFLOW_CALL__"]);
      } else if (!triggerFits(event, config)) {
        return this.rawOn(on, raw);
      } else {
        entries.push([event, literalCode(config)]);
      }
    }
    return objectCode(entries, "    ");
  }

  /** `on:` the kit's types do not accept: written through rawFields, after a typed placeholder. */
  private rawOn(on: unknown, raw: Data): string {
    raw["on"] = on;
    this.untyped.push(`on: the triggers do not fit the kit's types; written through rawFields`);
    return literalCode("workflow_dispatch");
  }

  private dispatch(config: Data): string | undefined {
    const inputs = config["inputs"];
    if (!isData(inputs) || Object.keys(config).some((k) => k !== "inputs")) return undefined;
    for (const spec of Object.values(inputs)) if (!dispatchInputFits(spec)) return undefined;
    const variable = this.names.fresh("dispatch");
    this.declarations.push(`export const ${variable} = ${this.kit("workflowDispatch")}({ inputs: ${literalCode(inputs)} });`);
    for (const [name, spec] of Object.entries(inputs)) this.inputs.set(name, { code: `${variable}.inputs${property(name)}`, type: dispatchInputType(spec as Data) });
    return variable;
  }

  private declareCallable(config: unknown): boolean {
    if (config !== null && !isData(config)) return false;
    const { inputs, secrets, outputs, ...rest } = (config ?? {}) as Data;
    if (Object.keys(rest).length) return false;
    if (inputs !== undefined && (!isData(inputs) || !Object.values(inputs).every(callInputFits))) return false;
    if (secrets !== undefined && (!isData(secrets) || !Object.values(secrets).every((s) => s === null || (isData(s) && Object.keys(s).every((k) => k === "description" || k === "required"))))) return false;
    if (outputs !== undefined && (!isData(outputs) || !Object.values(outputs).every((o) => isData(o) && typeof o["value"] === "string" && Object.keys(o).every((k) => k === "value" || k === "description")))) return false;
    this.callable = this.names.fresh("workflowCall");
    const spec = [
      ...(inputs !== undefined ? [`inputs: ${literalCode(inputs)}`] : []),
      ...(secrets !== undefined ? [`secrets: ${literalCode(secrets)}`] : []),
      ...(isData(outputs) ? [`outputs: ${literalCode(Object.keys(outputs))}`] : []),
    ];
    this.declarations.push(`export const ${this.callable} = ${this.kit("reusableWorkflow")}(import.meta.url, { ${spec.join(", ")} });`);
    for (const [name, s] of Object.entries(isData(inputs) ? inputs : {})) {
      const type = (s as Data)["type"];
      this.inputs.set(name, { code: `${this.callable}.inputs${property(name)}`, type: type === "boolean" ? { kind: "boolean" } : type === "number" ? { kind: "number" } : { kind: "string" } });
    }
    for (const name of Object.keys(isData(secrets) ? secrets : {})) this.callSecrets.set(name, `${this.callable}.secrets${property(name)}`);
    return true;
  }

  /** `trigger(…)` of the declared workflow_call, once the jobs (whose outputs it reads) are written. */
  private callTrigger(on: unknown): string | undefined {
    if (!this.callable || !isData(on)) return undefined;
    const outputs = (on["workflow_call"] as Data | null)?.["outputs"];
    if (!isData(outputs)) return `${this.callable}.trigger()`;
    const scope: ExpressionScope = { ...this.scope(), jobs: this.jobVariables };
    const entries = Object.entries(outputs).map(([name, spec]) => {
      const { value, description } = spec as { value: string; description?: string };
      const parts = [`value: ${stringCode(value, scope, `on.workflow_call.outputs.${name}.value`, "value", this.log)}`, ...(description !== undefined ? [`description: ${stringLiteral(description)}`] : [])];
      return [name, `{ ${parts.join(", ")} }`] as const;
    });
    return `${this.callable}.trigger(${objectCode(entries, "      ")})`;
  }

  // ——— jobs ———

  private scope(extra: Partial<ExpressionScope> = {}): ExpressionScope {
    return { ...NO_HANDLES, inputs: this.inputs, callSecrets: this.callSecrets, ...extra };
  }

  private job(id: string, spec: Data): string {
    const variable = this.names.fresh(identifier(id, "Job"));
    const at = `jobs.${id}`;
    const needsList = spec["needs"] === undefined ? [] : [spec["needs"]].flat().map(String);
    const needsCode = spec["needs"] === undefined ? undefined : Array.isArray(spec["needs"]) ? listCode(needsList.map((n) => this.jobVariables.get(n)!.variable), "  ") : this.jobVariables.get(String(spec["needs"]))!.variable;
    const needsScope = new Map(needsList.map((n) => [n, this.jobVariables.get(n)!] as const));
    const outputs = isData(spec["outputs"]) ? new Set(Object.keys(spec["outputs"])) : new Set<string>();
    this.jobVariables.set(id, { variable, outputs });
    const local = this.names;
    const lines: string[] = [];
    const log = this.log;
    const usesNeeds = (code: string): boolean => /\bneeds\(/.test(code);

    if (typeof spec["uses"] === "string") {
      const body = this.callBody(spec, needsScope, at);
      if (body.outputs) for (const o of body.outputs) outputs.add(o);
      const deps = `{ ${[...(needsCode ? [`needs: ${needsCode}`] : []), `uses: ${body.callee}`].join(", ")} }`;
      if (lines.length) throw new Error("unreachable: a call job declares nothing before its body");
      return `const ${variable} = ${this.kit("callWorkflow")}(${stringLiteral(id)}, ${deps}, (${usesNeeds(body.code) ? "needs" : ""}) => (${body.code}));`;
    }

    const { name, needs: _needs, if: condition, "runs-on": runsOn, permissions, env, steps, outputs: jobOutputs, "timeout-minutes": timeout, "continue-on-error": continueOnError, environment, concurrency, defaults, strategy, container, services, ...unknown } = spec;
    const raw: Data = { ...unknown };
    const matrix = this.matrix(strategy, spec, local, lines, raw, at);
    const serviceVariables = this.services(services, local, lines, raw, at, matrix);
    const baseScope = this.scope({ needs: needsScope, matrix: matrix?.scope, services: serviceVariables });
    const fields: [string, string][] = [];
    fields.push(["name", name === undefined ? this.kit("unnamed") : (typeof name === "string" && stringCode(name, baseScope, `${at}.name`, "string", log)) || this.rawField(raw, "name", name, at)]);
    if (condition !== undefined) this.conditionField(fields, raw, condition, `${at}.if`, baseScope);
    if (runsOn !== undefined) {
      const code = runsOnCode(runsOn, (value, where) => this.valueOf(value, baseScope, where), `${at}.runs-on`);
      if (code) fields.push(["runs-on", code]);
      else this.rawField(raw, "runs-on", runsOn, at);
    } else {
      throw new Error(`${this.input.source}: job "${id}" has neither runs-on: nor uses:; GitHub refuses such a job`);
    }
    fields.push(["permissions", this.permissions(permissions, raw, `${at}.permissions`)]);
    if (timeout !== undefined) this.typedField(fields, raw, "timeout-minutes", timeout, `${at}.timeout-minutes`, "number", baseScope);
    if (continueOnError !== undefined) this.typedField(fields, raw, "continue-on-error", continueOnError, `${at}.continue-on-error`, "boolean", baseScope);
    if (env !== undefined) this.mapField(fields, raw, "env", env, `${at}.env`, baseScope);
    if (concurrency !== undefined) this.concurrency(fields, raw, concurrency, `${at}.concurrency`, baseScope);
    if (defaults !== undefined) this.defaults(fields, raw, defaults, `${at}.defaults`);
    if (container !== undefined) {
      if (typeof container === "string" || (isData(container) && containerFits(container))) fields.push(["container", dataCode(container, baseScope, `${at}.container`, log, "    ")]);
      else this.rawField(raw, "container", container, at);
    }
    if (serviceVariables.size) fields.push(["services", listCode([...serviceVariables.values()], "    ")]);
    if (matrix) fields.push(["strategy", matrix.strategy]);

    const stepCodes = Array.isArray(steps) ? this.steps(id, steps, baseScope, local) : undefined;
    const stepsAt = fields.length;
    if (!stepCodes) {
      fields.push(["steps", "[]"]);
      if (steps !== undefined) this.rawField(raw, "steps", steps, at);
    }
    const stepScope = this.scope({ needs: needsScope, matrix: matrix?.scope, services: serviceVariables, steps: stepCodes?.handles ?? new Map() });
    if (environment !== undefined) {
      if (typeof environment === "string" || (isData(environment) && typeof environment["name"] === "string" && Object.keys(environment).every((k) => ["name", "url"].includes(k)))) {
        fields.push(["environment", dataCode(environment, stepScope, `${at}.environment`, log, "    ")]);
      } else this.rawField(raw, "environment", environment, at);
    }
    if (jobOutputs !== undefined) this.mapField(fields, raw, "outputs", jobOutputs, `${at}.outputs`, stepScope);
    if (stepCodes) {
      // A step that the job's outputs or environment read needs a variable too.
      const readByJob = fields.slice(stepsAt).map(([, code]) => code).join("\n");
      fields.splice(stepsAt, 0, ["steps", listCode(stepCodes.finish(lines, (variable) => new RegExp(`\\b${variable}\\b`).test(readByJob)), "    ")]);
    }
    this.waive(fields, at);
    if (Object.keys(raw).length) fields.push(["raw", this.rawFields(raw, at)]);
    const bodyCode = objectCode(fields, "  ");
    const body = lines.length ? `{\n${lines.map((l) => `  ${l}`).join("\n")}\n  return ${bodyCode};\n}` : `(${bodyCode})`;
    const deps = needsCode ? `{ needs: ${needsCode} }` : "{}";
    return `const ${variable} = ${this.kit("job")}(${stringLiteral(id)}, ${deps}, (${usesNeeds(body) ? "needs" : ""}) => ${body});`;
  }

  private callBody(spec: Data, needsScope: ExpressionScope["needs"], at: string): { code: string; callee: string; outputs?: ReadonlySet<string> } {
    const { name, uses, with: args, secrets, needs: _needs, if: condition, permissions, strategy, concurrency, ...unknown } = spec;
    const raw: Data = { ...unknown };
    const callee = this.callee(uses as string, args, secrets, at);
    const lines: string[] = [];
    const matrix = this.matrix(strategy, spec, this.names, lines, raw, at);
    const scope = this.scope({ needs: needsScope, matrix: matrix?.scope });
    const fields: [string, string][] = [];
    fields.push(["name", name === undefined ? this.kit("unnamed") : (typeof name === "string" && stringCode(name, scope, `${at}.name`, "string", this.log)) || this.rawField(raw, "name", name, at)]);
    if (condition !== undefined) this.conditionField(fields, raw, condition, `${at}.if`, scope);
    fields.push(["permissions", this.permissions(permissions, raw, `${at}.permissions`)]);
    if (concurrency !== undefined) this.concurrency(fields, raw, concurrency, `${at}.concurrency`, scope);
    if (matrix) fields.push(["strategy", matrix.strategy]);
    if (args !== undefined) {
      const code = isData(args) ? this.typedArguments(args, callee.inputs, scope, `${at}.with`) : undefined;
      if (code) fields.push(["with", code]);
      else this.rawField(raw, "with", args, at);
    }
    if (secrets !== undefined) {
      if (secrets === "inherit") fields.push(["secrets", '"inherit"']);
      else if (isData(secrets)) fields.push(["secrets", valueMapCode(secrets, scope, `${at}.secrets`, this.log, "    ") ?? this.rawField(raw, "secrets", secrets, at)]);
      else this.rawField(raw, "secrets", secrets, at);
    }
    this.waive(fields, at);
    if (Object.keys(raw).length) fields.push(["raw", this.rawFields(raw, at)]);
    const bodyCode = objectCode(fields, "  ");
    // A call job's matrix is declared before the job: its body is an expression.
    return { code: lines.length ? `(() => { ${lines.join(" ")} return ${bodyCode}; })()` : bodyCode, callee: callee.code, outputs: callee.outputs };
  }

  /** The callable a job's `uses:` names: a module of this project, a pin, or a declared interface. */
  private callee(uses: string, args: unknown, secrets: unknown, at: string): CalleeInterface {
    if (!/^(\.\/\.github\/workflows\/[^@\s]+|[^/@\s]+\/[^/@\s]+\/\.github\/workflows\/[^@\s]+@[^@\s]+)$/.test(uses)) {
      throw new Error(`${this.input.source}: ${at}.uses: "${uses}" is not a reusable workflow GitHub accepts (./.github/workflows/<file> or owner/repo/.github/workflows/<file>@ref); fix the file`);
    }
    if (uses.startsWith("./")) {
      const known = this.input.localCallee(uses);
      if (known) {
        if (known.importLine) this.extraImports.add(known.importLine);
        for (const name of known.kitImports ?? []) this.kit(name);
        return known;
      }
      return this.declaredCallee("localWorkflowFile", uses, args, secrets, at);
    }
    const plan = planUses(uses, this.input.usesComments.get(`${at}.uses`), `${at}.uses`, this.input.uses);
    if (plan.kind === "binding") {
      const inputs = Object.fromEntries(Object.entries(plan.facts.inputs).map(([name, facts]) => [name, facts.type ?? "string"] as const));
      return { code: this.kit(plan.binding), inputs, outputs: new Set(plan.facts.outputs) };
    }
    this.unpinnedWaiver(at, uses);
    return this.declaredCallee("unpinnedWorkflow", uses, args, secrets, at);
  }

  private unpinnedWaiver(at: string, uses: string): void {
    this.ensureWaiver(at, "unpinned-uses", `imported from ${this.input.source}: "${uses}" is not pinned to a commit of the pin table; pin it (or import with --harden)`);
  }

  private declaredCallee(fn: string, uses: string, args: unknown, secrets: unknown, at: string): CalleeInterface {
    // The interface is declared from the call itself: each input typed by the value passed.
    const inputs = Object.fromEntries(Object.entries(isData(args) ? args : {}).map(([name, value]) => [name, typeof value === "boolean" ? "boolean" : typeof value === "number" ? "number" : "string"] as const));
    const secretNames = isData(secrets) ? Object.keys(secrets) : [];
    const outputs = new Set<string>(); // reads of needs.<this job>.outputs.* resolve raw: the interface is not known
    this.untyped.push(`${at}.uses: "${uses}" called with an interface declared from this call (${fn})`);
    const spec = [`inputs: ${literalCode(Object.fromEntries(Object.entries(inputs).map(([name, type]) => [name, { type }])))}`, ...(secretNames.length ? [`secrets: ${literalCode(Object.fromEntries(secretNames.map((s) => [s, null])))}`] : [])];
    return { code: `${this.kit(fn)}(${stringLiteral(uses)}, { ${spec.join(", ")} })`, inputs, outputs };
  }

  /** A caller's `with:` against the callee's input types; a value of another type is written `untyped`. */
  private typedArguments(args: Data, types: CalleeInterface["inputs"], scope: ExpressionScope, at: string): string {
    const entries = Object.entries(args).map(([name, value]) => [name, this.typedValue(value, { name: types[name] ?? "string" }, scope, `${at}.${name}`)] as const);
    return objectCode(entries, "    ");
  }

  // ——— steps ———

  /**
   * The job's steps: their handles for what reads them, and `finish`, which declares a
   * variable for each step read (by a later step or by the job) and lists the steps.
   */
  private steps(jobId: string, steps: unknown[], jobScope: ExpressionScope, local: Names) {
    const handles: StepHandles = new Map();
    const used = new Set<string>();
    const pending: { id: string | undefined; variable: string | undefined; code: string }[] = [];
    steps.forEach((step, index) => {
      const at = `jobs.${jobId}.steps[${index}]`;
      if (!isData(step)) throw new Error(`${this.input.source}: ${at} is not a mapping; a step is a mapping with run: or uses:`);
      const id = typeof step["id"] === "string" ? step["id"] : undefined;
      const scope: ExpressionScope = { ...jobScope, steps: handles };
      const written = this.step(step, scope, at, jobId);
      for (const read of written.reads) used.add(read);
      const variable = id !== undefined ? local.fresh(identifier(id, "Step")) : undefined;
      pending.push({ id, variable, code: written.code });
      if (id !== undefined && variable) handles.set(id, { variable, outputs: written.outputs, conditional: written.conditional });
    });
    const finish = (lines: string[], readByJob: (variable: string) => boolean): string[] =>
      pending.map(({ variable, code }) => {
        if (!variable || !(used.has(variable) || readByJob(variable))) return code;
        lines.push(`const ${variable} = ${code};`);
        return variable;
      });
    return { handles, finish };
  }

  private step(step: Data, scope: ExpressionScope, at: string, jobId: string): { code: string; outputs: ReadonlySet<string> | undefined; reads: Set<string>; conditional: boolean } {
    const { name, id, if: condition, env, "continue-on-error": continueOnError, "timeout-minutes": timeout, run, shell, "working-directory": workingDirectory, uses, with: args, ...unknown } = step;
    const raw: Data = { ...unknown };
    // The step's own log: which steps it reads decides its guards.
    const log = codeLog();
    const fields: [string, string][] = [];
    const own = (place: Place, value: unknown, where: string): string | undefined => (typeof value === "string" ? stringCode(value, scope, where, place, log) : undefined);
    fields.push(["name", name === undefined ? this.kit("unnamed") : own("string", name, `${at}.name`) ?? this.rawField(raw, "name", name, at)]);
    if (id !== undefined) {
      if (typeof id === "string") fields.push(["id", stringLiteral(id)]);
      else this.rawField(raw, "id", id, at);
    }
    const ifCode = condition === undefined ? undefined : typeof condition === "boolean" ? String(condition) : own("condition", condition, `${at}.if`);
    if (condition !== undefined) {
      if (ifCode !== undefined) fields.push(["if", ifCode]);
      else this.rawField(raw, "if", condition, at);
    }
    if (env !== undefined) {
      const code = isData(env) ? valueMapCode(env, scope, `${at}.env`, log, "      ") : undefined;
      if (code) fields.push(["env", code]);
      else this.rawField(raw, "env", env, at);
    }
    for (const [key, value, place] of [["continue-on-error", continueOnError, "boolean"], ["timeout-minutes", timeout, "number"]] as const) {
      if (value === undefined) continue;
      const code = typeof value === "string" ? own(place, value, `${at}.${key}`) : typeof value === (place === "boolean" ? "boolean" : "number") ? String(value) : undefined;
      if (code !== undefined) fields.push([key, code]);
      else this.rawField(raw, key, value, at);
    }
    let outputs: ReadonlySet<string> | undefined;
    let call: string;
    const declaredOutputs = (): void => {
      outputs = this.outputsRead(jobId, id);
      if (typeof id === "string" && outputs.size) fields.push(["outputs", literalCode([...outputs])]);
    };
    if (typeof run === "string") {
      fields.push(["run", this.script(run, at, jobId, "sh")]);
      if (shell !== undefined) {
        if (typeof shell === "string" && shellFits(shell)) fields.push(["shell", stringLiteral(shell)]);
        else this.rawField(raw, "shell", shell, at);
      }
      if (workingDirectory !== undefined) {
        const code = own("value", workingDirectory, `${at}.working-directory`);
        if (code) fields.push(["working-directory", code]);
        else this.rawField(raw, "working-directory", workingDirectory, at);
      }
      if (args !== undefined) this.rawField(raw, "with", args, at);
      if (uses !== undefined) this.rawField(raw, "uses", uses, at);
      declaredOutputs();
      call = "scriptStep";
      if (run.includes("${{")) this.ensureWaiver(at, "template-injection", `imported from ${this.input.source}: the script holds \${{ }}, which the runner pastes into the code; pass the values through env:`);
    } else if (typeof uses === "string") {
      for (const [key, value] of [["run", run], ["shell", shell], ["working-directory", workingDirectory]] as const) if (value !== undefined) this.rawField(raw, key, value, at);
      const plan = planUses(uses, this.input.usesComments.get(`${at}.uses`), `${at}.uses`, this.input.uses);
      const written = this.actionCall(plan, args, raw, scope, at, log, fields, jobId, id);
      call = written.call;
      outputs = written.outputs;
    } else {
      throw new Error(`${this.input.source}: ${at} has neither run: nor uses:; a step runs a script or uses an action`);
    }
    // A read of a conditional step's output (or from a reader that runs on failure too) is marked tolerated; the lint findings say whether it is safe.
    const tolerated = [...log.readsSteps].filter((variable) => [...(scope.steps as StepHandles).values()].some((h) => h.variable === variable && (h.conditional || log.usesStatus)));
    if (tolerated.length) fields.push(["tolerates", `[${tolerated.join(", ")}]`]);
    this.waive(fields, at);
    if (Object.keys(raw).length) fields.push(["raw", this.rawFields(raw, at)]);
    for (const name of log.imports) this.log.imports.add(name);
    this.log.raw.push(...log.raw);
    const code = call.includes("(") ? call.replace("__SPEC__", objectCode(fields, "      ")) : `${this.kit(call)}(${objectCode(fields, "      ")})`;
    return { code, outputs, reads: new Set(log.steps), conditional: condition !== undefined || continueOnError !== undefined };
  }

  /** The call that writes an action step: its binding, github-script's helper, or a kit escape. */
  private actionCall(plan: UsesPlan, args: unknown, raw: Data, scope: ExpressionScope, at: string, log: CodeLog, fields: [string, string][], jobId: string, id: unknown): { call: string; outputs: ReadonlySet<string> | undefined } {
    const outputsRead = this.outputsRead(jobId, id);
    const declare = (): void => {
      if (typeof id === "string" && outputsRead.size) fields.push(["outputs", literalCode([...outputsRead])]);
    };
    if (plan.kind !== "binding") {
      fields.splice(1, 0, ["uses", stringLiteral(plan.uses)]);
      if (args !== undefined) {
        const code = isData(args) ? valueMapCode(args, scope, `${at}.with`, log, "      ") : undefined;
        if (code) fields.push(["with", code]);
        else this.rawField(raw, "with", args, at);
      }
      declare();
      const fn = plan.kind === "local" ? "localAction" : plan.kind === "docker" ? "dockerAction" : "unpinnedAction";
      if (plan.kind === "unpinned") this.untyped.push(`${at}.uses: "${plan.uses}" written through unpinnedAction (not in the pin table)`);
      if (plan.kind === "unpinned" || (plan.kind === "docker" && !/@sha256:[0-9a-f]{64}$/.test(plan.uses))) this.unpinnedWaiver(at, plan.uses);
      return { call: fn, outputs: outputsRead };
    }
    const kinds = inputKindsOf(plan.key, plan.facts);
    const given = isData(args) ? args : args === undefined ? {} : undefined;
    const missing = Object.entries(plan.facts.inputs).filter(([name, f]) => f.required && f.default === undefined && !(given && name in given)).map(([name]) => name);
    const unknownInputs = given ? Object.keys(given).filter((name) => !(name in plan.facts.inputs)) : [];
    const outputsOk = [...outputsRead].every((name) => plan.facts.outputs.includes(name));
    if (!given || missing.length || unknownInputs.length) {
      this.untyped.push(`${at}: ${plan.key} written through untypedAction (${!given ? "with: is not a mapping" : missing.length ? `required input${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} not given` : `input${unknownInputs.length > 1 ? "s" : ""} ${unknownInputs.map((m) => `"${m}"`).join(", ")} not in its metadata`})`);
      if (args !== undefined) {
        const code = given ? valueMapCode(given, scope, `${at}.with`, log, "      ") : undefined;
        if (code) fields.push(["with", code]);
        else this.rawField(raw, "with", args, at);
      }
      declare();
      return { call: `${this.kit("untypedAction")}(${this.kit(plan.binding)}, __SPEC__)`, outputs: outputsRead };
    }
    const script = given["script"];
    if (plan.uses === `${actionsGithubScript.pin.action}@${actionsGithubScript.pin.commit}` && typeof script === "string") {
      const { script: _script, ...others } = given;
      fields.push(["script", this.script(script, at, jobId, "js")]);
      if (Object.keys(others).length) fields.push(["with", this.typedInputs(others, kinds, scope, `${at}.with`, log)]);
      declare();
      if (script.includes("${{")) this.ensureWaiver(at, "template-injection", `imported from ${this.input.source}: the script holds \${{ }}, which the runner pastes into the code; pass the values through env:`);
      return { call: "githubScriptStep", outputs: outputsRead };
    }
    if (Object.keys(given).length || args !== undefined) fields.push(["with", this.typedInputs(given, kinds, scope, `${at}.with`, log)]);
    if (!outputsOk) this.notes(`${at}: reads outputs ${[...outputsRead].filter((n) => !plan.facts.outputs.includes(n)).join(", ")} that ${plan.key} does not declare; those reads are raw`);
    return { call: this.kit(plan.binding), outputs: new Set(plan.facts.outputs) };
  }

  private notes(line: string): void {
    this.input.uses.notes.push(line);
  }

  private typedInputs(args: Data, kinds: Readonly<Record<string, InputOverride>>, scope: ExpressionScope, at: string, log: CodeLog): string {
    const entries = Object.entries(args).map(([name, value]) => [name, this.typedValue(value, kindOf(kinds[name]), scope, `${at}.${name}`, log)] as const);
    return objectCode(entries, "        ");
  }

  /** A value for an input of a kind; one of another type is written `untyped(…)`. */
  private typedValue(value: unknown, kind: InputKind, scope: ExpressionScope, at: string, log: CodeLog = this.log): string {
    const untyped = (): string => {
      this.untyped.push(`${at}: untyped(${literalCode(value)}) — not a ${kind.name} as the input declares`);
      return `${this.kit("untyped")}(${literalCode(value)})`;
    };
    if (kind.name === "untyped") return dataCode(value, scope, at, log, "        ");
    if (typeof value === "string") {
      if (kind.name === "list") {
        const lines = value.split("\n");
        return listCode(lines.map((line, i) => stringCode(line, scope, `${at}[${i}]`, "value", log) ?? stringLiteral(line)), "        ");
      }
      if (kind.name === "string") return stringCode(value, scope, at, "string", log) ?? stringLiteral(value);
      if (kind.name === "enum" && kind.values.includes(value)) return stringLiteral(value);
      if (value.includes("${{") && (kind.name === "boolean" || kind.name === "number")) return stringCode(value, scope, at, kind.name, log) ?? untyped();
      return untyped();
    }
    if (typeof value === "number") return kind.name === "string" || kind.name === "number" ? String(value) : untyped();
    if (typeof value === "boolean") return kind.name === "boolean" || (kind.name === "enum" && kind.booleans) ? String(value) : untyped();
    if (Array.isArray(value) && kind.name === "list" && value.every((v) => typeof v === "string")) return dataCode(value, scope, at, log, "        ");
    return untyped();
  }

  /** The outputs of a step that the job's other steps or outputs read (`steps.<id>.outputs.<name>`). */
  private outputsRead(jobId: string, id: unknown): Set<string> {
    const names = new Set<string>();
    if (typeof id !== "string") return names;
    visitExpressions((this.input.workflow["jobs"] as Data)[jobId], (path) => {
      if (path[0] === "steps" && path[1] === id && path[2] === "outputs" && typeof path[3] === "string") names.add(path[3]);
    });
    return names;
  }

  /** A script as code: inline, or a file beside the module when it is long. */
  private script(text: string, at: string, jobId: string, extension: "sh" | "js"): string {
    const lineCount = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lineCount <= this.input.scriptFileLines) return stringLiteral(text);
    const base = `${identifier(jobId).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${at.match(/\[(\d+)\]$/)?.[1] ?? "0"}`;
    let file = `${this.input.name}/${base}.${extension}`;
    for (let n = 2; this.files.some((f) => f.path === file); n++) file = `${this.input.name}/${base}-${n}.${extension}`;
    this.files.push({ path: file, content: text });
    return `${this.kit("scriptFile")}(import.meta.url, ${stringLiteral(`./${file}`)})`;
  }

  // ——— shared fields ———

  private matrix(strategy: unknown, spec: Data, local: Names, lines: string[], raw: Data, at: string) {
    if (strategy === undefined) return undefined;
    const { matrix, "fail-fast": failFast, "max-parallel": maxParallel, ...rest } = isData(strategy) ? strategy : ({} as Data);
    const fits = isData(strategy) && !Object.keys(rest).length && (failFast === undefined || typeof failFast === "boolean") && (maxParallel === undefined || typeof maxParallel === "number");
    const variable = local.fresh("axes");
    const read = new Set<string>();
    visitExpressions(spec, (path) => {
      if (path[0] === "matrix" && typeof path[1] === "string") read.add(path[1]);
    });
    let declaration: string | undefined;
    const axes = new Map<string, KitType>();
    if (fits && typeof matrix === "string" && matrix.startsWith("${{")) {
      const expression = stringCode(matrix, this.scope(), `${at}.strategy.matrix`, "value", this.log);
      if (expression && !expression.startsWith('"') && !expression.startsWith("tpl")) {
        declaration = `const ${variable} = ${this.kit("matrixFrom")}<{ ${[...read].map((a) => `${keyCode(a)}: unknown`).join("; ")} }>(${expression}, ${literalCode([...read])});`;
        for (const a of read) axes.set(a, { kind: "unknown" });
      }
    } else if (fits && isData(matrix)) {
      const { include, exclude, ...given } = matrix;
      const lists = Object.values(given).every((v) => Array.isArray(v)) && [include, exclude].every((v) => v === undefined || (Array.isArray(v) && v.every(isData)));
      if (lists) {
        for (const [axis, values] of Object.entries(given)) axes.set(axis, valuesType(values as unknown[]));
        for (const entry of (include as Data[] | undefined) ?? []) {
          for (const [key, value] of Object.entries(entry)) axes.set(key, valuesType([...(axes.has(key) && given[key] ? (given[key] as unknown[]) : []), value, ...includeValues(include as Data[], key, value)]));
        }
        const options = [...(include !== undefined ? [`include: ${literalCode(include)}`] : []), ...(exclude !== undefined ? [`exclude: ${literalCode(exclude)}`] : [])];
        const excludeFits = ((exclude as Data[] | undefined) ?? []).every((entry) => Object.entries(entry).every(([k, v]) => k in given && (given[k] as unknown[]).some((g) => isDeepStrictEqual(g, v))));
        if (excludeFits && !hasExpression(matrix)) declaration = `const ${variable} = ${this.kit("matrix")}(${literalCode(given)}${options.length ? `, { ${options.join(", ")} }` : ""});`;
      }
    }
    if (!declaration) {
      this.rawField(raw, "strategy", strategy, at);
      return undefined;
    }
    lines.push(declaration);
    const strategyCode = `{ ${[`matrix: ${variable}`, ...(failFast !== undefined ? [`"fail-fast": ${failFast}`] : []), ...(maxParallel !== undefined ? [`"max-parallel": ${maxParallel}`] : [])].join(", ")} }`;
    return { scope: { variable, axes }, strategy: strategyCode };
  }

  private services(services: unknown, local: Names, lines: string[], raw: Data, at: string, matrix: { scope: ExpressionScope["matrix"] } | undefined): Map<string, string> {
    const variables = new Map<string, string>();
    if (services === undefined) return variables;
    if (!isData(services) || !Object.values(services).every((s) => isData(s) && containerFits(s, ["command", "entrypoint"]))) {
      this.rawField(raw, "services", services, at);
      return variables;
    }
    const scope = this.scope({ matrix: matrix?.scope });
    for (const [id, spec] of Object.entries(services)) {
      const variable = local.fresh(identifier(id, "Service"));
      lines.push(`const ${variable} = ${this.kit("service")}(${stringLiteral(id)}, ${dataCode(spec, scope, `${at}.services.${id}`, this.log, "  ")});`);
      variables.set(id, variable);
    }
    return variables;
  }

  private permissions(permissions: unknown, raw: Data, at: string): string {
    if (permissions === undefined) return this.kit("defaultPermissions");
    if (permissions === "read-all" || permissions === "write-all") return stringLiteral(permissions);
    if (isData(permissions) && Object.entries(permissions).every(([scope, level]) => PERMISSION_SCOPES.has(scope) && ["read", "write", "none"].includes(level as string))) return literalCode(permissions);
    raw["permissions"] = permissions;
    this.untyped.push(`${at}: not a permission map the kit types; written through rawFields`);
    return this.kit("defaultPermissions");
  }

  private concurrency(fields: [string, string][], raw: Data, value: unknown, at: string, scope: ExpressionScope): void {
    if (typeof value === "string") return void fields.push(["concurrency", stringCode(value, scope, at, "value", this.log) ?? stringLiteral(value)]);
    if (isData(value) && typeof value["group"] === "string" && Object.keys(value).every((k) => k === "group" || k === "cancel-in-progress")) {
      const cancel = value["cancel-in-progress"];
      const cancelCode = cancel === undefined ? undefined : typeof cancel === "boolean" ? String(cancel) : typeof cancel === "string" ? stringCode(cancel, scope, `${at}.cancel-in-progress`, "boolean", this.log) : undefined;
      if (cancel === undefined || cancelCode !== undefined) {
        const group = stringCode(value["group"], scope, `${at}.group`, "value", this.log) ?? stringLiteral(value["group"]);
        return void fields.push(["concurrency", `{ group: ${group}${cancelCode !== undefined ? `, "cancel-in-progress": ${cancelCode}` : ""} }`]);
      }
    }
    this.rawField(raw, "concurrency", value, at.replace(/\.concurrency$/, ""));
  }

  private defaults(fields: [string, string][], raw: Data, value: unknown, at: string): void {
    const run = isData(value) ? value["run"] : undefined;
    if (isData(value) && Object.keys(value).every((k) => k === "run") && isData(run) && Object.keys(run).every((k) => k === "shell" || k === "working-directory") && (run["shell"] === undefined || (typeof run["shell"] === "string" && shellFits(run["shell"]))) && (run["working-directory"] === undefined || typeof run["working-directory"] === "string")) {
      return void fields.push(["defaults", literalCode(value)]);
    }
    this.rawField(raw, "defaults", value, at.replace(/\.?defaults$/, "") || "workflow");
  }

  private conditionField(fields: [string, string][], raw: Data, condition: unknown, at: string, scope: ExpressionScope): void {
    const code = typeof condition === "boolean" ? String(condition) : typeof condition === "string" ? stringCode(condition, scope, at, "condition", this.log) : undefined;
    if (code !== undefined) fields.push(["if", code]);
    else this.rawField(raw, "if", condition, at.replace(/\.if$/, ""));
  }

  private typedField(fields: [string, string][], raw: Data, key: string, value: unknown, at: string, place: "number" | "boolean", scope: ExpressionScope): void {
    const code = typeof value === place ? String(value) : typeof value === "string" ? stringCode(value, scope, at, place, this.log) : undefined;
    if (code !== undefined) fields.push([key, code]);
    else this.rawField(raw, key, value, at.slice(0, at.lastIndexOf(".")));
  }

  private field(fields: [string, string][], raw: Data, key: string, value: unknown, at: string, place: Place): void {
    const code = typeof value === "string" ? stringCode(value, this.scope(), at, place, this.log) : undefined;
    if (code !== undefined) fields.push([key, code]);
    else this.rawField(raw, key, value, "workflow");
  }

  private mapField(fields: [string, string][], raw: Data, key: string, value: unknown, at: string, scope: ExpressionScope = this.scope()): void {
    const code = isData(value) ? valueMapCode(value, scope, at, this.log, "    ") : undefined;
    if (code !== undefined) fields.push([key, code]);
    else this.rawField(raw, key, value, at.slice(0, Math.max(0, at.lastIndexOf("."))) || "workflow");
  }

  private valueOf(value: unknown, scope: ExpressionScope, at: string): string | undefined {
    return typeof value === "string" ? stringCode(value, scope, at, "value", this.log) : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  }

  /** Moves a key the kit does not type into the node's rawFields; returns the placeholder the typed field needs. */
  private rawField(raw: Data, key: string, value: unknown, at: string): string {
    raw[key] = value;
    this.untyped.push(`${at}.${key}: written through rawFields (the kit does not type this value)`);
    return key === "name" ? this.kit("unnamed") : "undefined";
  }

  private rawFields(raw: Data, at: string): string {
    for (const key of Object.keys(raw)) if (!this.untyped.some((line) => line.startsWith(`${at}.${key}:`))) this.untyped.push(`${at}.${key}: written through rawFields (a key the kit does not type)`);
    return `${this.kit("rawFields")}(${literalCode(raw)})`;
  }

  private ensureWaiver(at: string, rule: string, reason: string): void {
    const waivers = this.input.waivers as Map<string, Map<string, string>>;
    const node = waivers.get(at) ?? new Map<string, string>();
    if (!node.has(rule)) node.set(rule, reason);
    waivers.set(at, node);
  }

  private waive(fields: [string, string][], at: string): void {
    const waivers = this.input.waivers.get(at);
    if (!waivers?.size) return;
    fields.push(["waive", objectCode([...waivers].map(([rule, reason]) => [rule, stringLiteral(reason)] as const), "      ")]);
    for (const rule of waivers.keys()) this.waiversWritten.push(`${at || "workflow"}: ${rule}`);
  }
}

/** The steps of a job so far, by id: variable, declared outputs, and whether it may not run. */
type StepHandles = Map<string, { variable: string; outputs: ReadonlySet<string> | undefined; conditional: boolean }>;

// ——— what the kit's types accept ———

type InputKind = { name: "string" | "boolean" | "number" | "list" | "untyped" } | { name: "enum"; values: readonly string[]; booleans: boolean };

function kindOf(override: InputOverride | undefined): InputKind {
  if (!override) return { name: "string" };
  if (override.type === "enum") return { name: "enum", values: override.values.filter((v): v is string => typeof v === "string"), booleans: override.values.some((v) => typeof v === "boolean") };
  return { name: override.type };
}

const SCHEMA = schemaDefinitions();
const EVENTS = new Map(readEvents(SCHEMA).map((event) => [event.name, event]));
const EVENT_NAMES = new Set(EVENTS.keys());
const PERMISSION_SCOPES = new Set(Object.keys((SCHEMA["permissions-mapping"]?.mapping?.properties as Record<string, unknown> | undefined) ?? {}));

/** Whether an event's configuration fits the kit's trigger types (from the same schema). */
function triggerFits(event: string, config: unknown): boolean {
  const facts = EVENTS.get(event);
  if (!facts) return false;
  if (config === null) return true;
  if (event === "schedule") return Array.isArray(config) && config.every((entry) => isData(entry) && typeof entry["cron"] === "string" && Object.keys(entry).every((k) => k === "cron" || k === "timezone"));
  if (event === "workflow_dispatch") return isData(config) && !Object.keys(config).length;
  if (!facts.configurable || !isData(config)) return false;
  const patterns = (value: unknown): boolean => typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"));
  for (const [key, value] of Object.entries(config)) {
    if (key === "types") {
      const types = [value].flat();
      if (facts.activities === "string" ? !types.every((t) => typeof t === "string") : !types.every((t) => (facts.activities as readonly string[]).includes(t as string))) return false;
      if (Array.isArray(value) && !value.length) return false;
    } else if (!facts.filters.includes(key) || !patterns(value)) return false;
  }
  // A filter and its -ignore twin exclude each other in the kit's types.
  return !Object.keys(config).some((key) => key.endsWith("-ignore") && key.slice(0, -7) in config);
}

function dispatchInputFits(spec: unknown): boolean {
  if (!isData(spec) || !Object.keys(spec).every((k) => ["description", "required", "deprecationMessage", "type", "default", "options"].includes(k))) return false;
  const type = spec["type"] ?? "string";
  const d = spec["default"];
  if (typeof spec["description"] !== "undefined" && typeof spec["description"] !== "string") return false;
  if (spec["required"] !== undefined && typeof spec["required"] !== "boolean") return false;
  if (type === "string" || type === "environment") return spec["options"] === undefined && (d === undefined || typeof d === "string");
  if (type === "boolean") return spec["options"] === undefined && (d === undefined || typeof d === "boolean" || d === "true" || d === "false");
  if (type === "number") return spec["options"] === undefined && (d === undefined || typeof d === "number" || (typeof d === "string" && d.trim() !== "" && !Number.isNaN(Number(d))));
  if (type === "choice") return Array.isArray(spec["options"]) && spec["options"].length > 0 && spec["options"].every((o) => typeof o === "string") && (d === undefined || typeof d === "string");
  return false;
}

function dispatchInputType(spec: Data): KitType {
  const type = spec["type"];
  if (type === "boolean") return { kind: "boolean" };
  if (type === "number") return { kind: "number" };
  if (type === "choice") return { kind: "union", values: spec["options"] as string[] };
  return { kind: "string" };
}

function callInputFits(spec: unknown): boolean {
  if (!isData(spec) || !Object.keys(spec).every((k) => ["description", "required", "type", "default"].includes(k))) return false;
  const d = spec["default"];
  const type = spec["type"];
  if (spec["required"] !== undefined && typeof spec["required"] !== "boolean") return false;
  if (spec["description"] !== undefined && typeof spec["description"] !== "string") return false;
  return (type === "string" || type === "boolean" || type === "number") && (d === undefined || typeof d === type);
}

function containerFits(spec: Data, extra: readonly string[] = []): boolean {
  const scalar = (v: unknown): boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
  return Object.entries(spec).every(([key, value]) => {
    if (key === "image" || key === "options" || extra.includes(key)) return typeof value === "string";
    if (key === "ports" || key === "volumes") return Array.isArray(value) && value.every(scalar);
    if (key === "env") return isData(value) && Object.values(value).every(scalar);
    if (key === "credentials") return isData(value) && Object.entries(value).every(([k, v]) => (k === "username" || k === "password") && typeof v === "string");
    return false;
  }) && typeof spec["image"] === "string";
}

function shellFits(shell: string): boolean {
  return ["bash", "sh", "pwsh", "powershell", "python", "cmd"].includes(shell) || shell.includes("{0}");
}

function runsOnCode(value: unknown, valueOf: (value: unknown, at: string) => string | undefined, at: string): string | undefined {
  if (typeof value === "string") return valueOf(value, at);
  if (Array.isArray(value)) {
    const items = value.map((v, i) => valueOf(v, `${at}[${i}]`));
    return items.every((i) => i !== undefined) ? `[${items.join(", ")}]` : undefined;
  }
  if (isData(value) && Object.keys(value).every((k) => k === "group" || k === "labels")) {
    const group = value["group"] === undefined ? undefined : valueOf(value["group"], `${at}.group`);
    const labels = value["labels"] === undefined ? undefined : runsOnCode(value["labels"], valueOf, `${at}.labels`);
    if ((value["group"] !== undefined && group === undefined) || (value["labels"] !== undefined && labels === undefined)) return undefined;
    return `{ ${[...(group !== undefined ? [`group: ${group}`] : []), ...(labels !== undefined ? [`labels: ${labels}`] : [])].join(", ")} }`;
  }
  return undefined;
}

/** The kit type of a matrix axis: a union of strings, booleans, or a value the importer does not compare. */
function valuesType(values: readonly unknown[]): KitType {
  if (values.length && values.every((v) => typeof v === "string")) return { kind: "union", values: [...new Set(values as string[])] };
  if (values.some((v) => v === true) && values.some((v) => v === false) && values.every((v) => typeof v === "boolean")) return { kind: "boolean" };
  return { kind: "mixed" };
}

function includeValues(include: readonly Data[], key: string, except: unknown): unknown[] {
  return include.map((entry) => entry[key]).filter((v) => v !== undefined && v !== except);
}

function hasExpression(value: unknown): boolean {
  if (typeof value === "string") return value.includes("${{");
  if (Array.isArray(value)) return value.some(hasExpression);
  return isData(value) && Object.values(value).some(hasExpression);
}

function isData(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function property(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

/** The jobs in an order where every job comes after the jobs it needs. @throws on a cycle or a missing job */
function jobOrder(jobs: Data, source: string): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, from: string | undefined): void => {
    if (!(id in jobs)) throw new Error(`${source}: job "${from}" needs "${id}", which is not a job of the workflow; fix the needs`);
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") throw new Error(`${source}: jobs need each other in a cycle through "${id}"; GitHub refuses such a workflow`);
    state.set(id, "visiting");
    const spec = jobs[id];
    for (const needed of isData(spec) && spec["needs"] !== undefined ? [spec["needs"]].flat().map(String) : []) visit(needed, id);
    state.set(id, "done");
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, undefined);
  return order;
}

