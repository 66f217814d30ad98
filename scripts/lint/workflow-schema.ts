/**
 * What GitHub's own workflow schema (the `workflow-v1.0` definitions shipped with
 * `@actions/workflow-parser`) says about a place of a workflow: which expression
 * contexts GitHub provides there (a definition's `context` list holds for everything
 * below it until a deeper definition sets its own), and which keys a mapping there
 * may have.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const typeReference = z.union([z.string(), z.object({ type: z.string() }).loose()]);
const definitionSchema = z
  .object({
    context: z.array(z.string()).optional(),
    mapping: z.object({ properties: z.record(z.string(), typeReference).optional(), "loose-key-type": z.string().optional(), "loose-value-type": z.string().optional() }).loose().optional(),
    sequence: z.object({ "item-type": z.string() }).loose().optional(),
    "one-of": z.array(z.string()).optional(),
  })
  .loose();
const schemaFile = z.object({ definitions: z.record(z.string(), definitionSchema) }).loose();
type Definition = z.infer<typeof definitionSchema>;

const OPEN_BUILT_INS = new Set(["sequence", "mapping", "any"]);

let definitions: Record<string, Definition> | undefined;

/** The schema's definitions, read once; a schema of another shape is reported with the key that changed. */
function loadDefinitions(): Record<string, Definition> {
  if (definitions) return definitions;
  const file = path.join(path.dirname(fileURLToPath(import.meta.resolve("@actions/workflow-parser"))), "workflow-v1.0.min.json");
  const parsed = schemaFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: unexpected workflow schema at "${issue?.path.join(".") ?? ""}" (${issue?.message ?? "unknown"}); update scripts/lint/workflow-schema.ts to the new schema`);
  }
  definitions = parsed.data.definitions;
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

function resolve(defs: Record<string, Definition>, type: string, segments: readonly (string | number)[], inherited: readonly string[] | undefined): readonly string[] | undefined {
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
function definitionsAt(defs: Record<string, Definition>, type: string, segments: readonly (string | number)[]): Definition[] {
  const definition = defs[type];
  if (!definition) return [];
  const variants = (definition["one-of"] ?? []).flatMap((variant) => definitionsAt(defs, variant, segments));
  if (!segments.length) return [definition, ...variants];
  const [head, ...rest] = segments;
  const next = head === undefined ? undefined : childType(definition, head);
  return next ? [...definitionsAt(defs, next, rest), ...variants] : variants;
}
