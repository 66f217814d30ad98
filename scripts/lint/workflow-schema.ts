/**
 * What GitHub's own workflow schema (the `workflow-v1.0` definitions shipped with
 * `@actions/workflow-parser`) says about a place of a workflow: which expression
 * contexts GitHub provides there (a definition's `context` list holds for everything
 * below it until a deeper definition sets its own), and which keys a mapping there
 * may have.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z as Zod } from "zod";
import { passedBefore, rememberPassed } from "../pipeline/result-memory.ts";

/** One definition of the schema, as far as this module reads it. */
interface Definition {
  readonly context?: readonly string[];
  readonly mapping?: {
    readonly properties?: Readonly<Record<string, string | { readonly type: string }>>;
    readonly "loose-key-type"?: string;
    readonly "loose-value-type"?: string;
  };
  readonly sequence?: { readonly "item-type": string };
  readonly "one-of"?: readonly string[];
}

/** The shape this module reads, as a zod schema (zod is loaded only when a schema file has to be checked). */
function schemaFileShape(z: typeof Zod) {
  const typeReference = z.union([z.string(), z.object({ type: z.string() }).loose()]);
  const definition = z
    .object({
      context: z.array(z.string()).optional(),
      mapping: z.object({ properties: z.record(z.string(), typeReference).optional(), "loose-key-type": z.string().optional(), "loose-value-type": z.string().optional() }).loose().optional(),
      sequence: z.object({ "item-type": z.string() }).loose().optional(),
      "one-of": z.array(z.string()).optional(),
    })
    .loose();
  return z.object({ definitions: z.record(z.string(), definition) }).loose();
}

const OPEN_BUILT_INS = new Set(["sequence", "mapping", "any"]);

let definitions: Readonly<Record<string, Definition>> | undefined;

/**
 * The schema's definitions, read once; a schema of another shape is reported with the
 * key that changed. The shape is checked once per content of the schema file and of
 * this module (remembered like the action manifest's), not on every run.
 */
function loadDefinitions(): Readonly<Record<string, Definition>> {
  if (definitions) return definitions;
  const file = path.join(path.dirname(fileURLToPath(import.meta.resolve("@actions/workflow-parser"))), "workflow-v1.0.min.json");
  const text = readFileSync(file, "utf8");
  const digest = createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).update(text).digest("hex").slice(0, 16);
  const data = JSON.parse(text) as { definitions: Record<string, Definition> };
  if (!passedBefore("workflow-schema", digest)) {
    const parsed = schemaFileShape((createRequire(import.meta.url)("zod") as typeof import("zod")).z).safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: unexpected workflow schema at "${issue?.path.join(".") ?? ""}" (${issue?.message ?? "unknown"}); update scripts/lint/workflow-schema.ts to the new schema`);
    }
    rememberPassed("workflow-schema", digest);
  }
  definitions = data.definitions;
  return definitions;
}

/**
 * The context names (`github`, `secrets`, …) available to an expression at a YAML
 * path (`["jobs", "build", "steps", 0, "if"]`); undefined when the schema does not
 * know the path or does not allow expressions there.
 */
export function contextsAvailableAt(segments: readonly (string | number)[]): readonly string[] | undefined {
  const contexts = resolve(loadDefinitions(), "workflow-root", segments, undefined);
  return contexts?.filter((name) => !name.includes("("));
}

function resolve(defs: Readonly<Record<string, Definition>>, type: string, segments: readonly (string | number)[], inherited: readonly string[] | undefined): readonly string[] | undefined {
  const definition = defs[type];
  // Built-in types have no definition: a scalar (`string`, `boolean`…) ends the path; `sequence`, `mapping` and `any` hold anything below.
  if (!definition) return !segments.length || OPEN_BUILT_INS.has(type) ? inherited : undefined;
  const contexts = definition.context ?? inherited;
  if (!segments.length) return contexts;
  for (const variant of definition["one-of"] ?? []) {
    const found = resolve(defs, variant, segments, contexts);
    if (found) return found;
  }
  const [head, ...rest] = segments;
  const next = head === undefined ? undefined : childType(definition, head);
  return next ? resolve(defs, next, rest, contexts) : undefined;
}

/** The type a definition gives what it holds at `head` (a mapping's key or a sequence's index), if it holds anything there. */
function childType(definition: Definition, head: string | number): string | undefined {
  if (definition.mapping && typeof head === "string") {
    const property = definition.mapping.properties?.[head];
    return typeof property === "string" ? property : (property?.type ?? definition.mapping["loose-value-type"]);
  }
  return definition.sequence && typeof head === "number" ? definition.sequence["item-type"] : undefined;
}

/**
 * The keys a mapping at a YAML path may have (`["jobs", "build"]` → `runs-on`,
 * `steps`, … and a reusable-workflow call's `uses`, `with`, …): the properties of
 * every form the schema allows there, in its order. Undefined when the schema does
 * not know the path or allows any key there (`env`, `with`).
 */
export function keysAllowedAt(segments: readonly (string | number)[]): readonly string[] | undefined {
  const found = definitionsAt(loadDefinitions(), "workflow-root", segments);
  const mappings = found.flatMap((definition) => (definition.mapping ? [definition.mapping] : []));
  if (mappings.length === 0 || mappings.some((mapping) => mapping["loose-key-type"] !== undefined)) return undefined;
  return [...new Set(mappings.flatMap((mapping) => Object.keys(mapping.properties ?? {})))];
}

/** The definitions of every form the schema allows at a path (its one-of variants included). */
function definitionsAt(defs: Readonly<Record<string, Definition>>, type: string, segments: readonly (string | number)[]): Definition[] {
  const definition = defs[type];
  if (!definition) return [];
  const variants = (definition["one-of"] ?? []).flatMap((variant) => definitionsAt(defs, variant, segments));
  if (!segments.length) return [definition, ...variants];
  const [head, ...rest] = segments;
  const next = head === undefined ? undefined : childType(definition, head);
  return next ? [...definitionsAt(defs, next, rest), ...variants] : variants;
}
