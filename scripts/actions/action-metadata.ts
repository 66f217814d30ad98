/**
 * Reads an action's metadata file (`action.yml`) into the facts the manifest keeps.
 * Parsing is strict on the keys GitHub's action schema defines inside `inputs`,
 * `outputs` and `branding` — an unknown key is an error naming the file and the key —
 * because a misread input list would silently produce a wrong binding. At the top
 * level the runner accepts keys it does not define (softprops/action-gh-release
 * documents its `env:` there), so other top-level keys are ignored, as by the runner.
 */
import { parse } from "yaml";
import { z } from "zod";
import { ownEntries, type ActionFacts, type InputFacts } from "./action-manifest.ts";
import { parseWith, ValidationError } from "../files/validation-error.ts";

// YAML lets authors write defaults as booleans, numbers or null; the runner sees strings.
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const input = z.strictObject({
  description: z.string().optional(),
  required: z.boolean().optional(),
  default: scalar.optional(),
  deprecationMessage: z.string().optional(),
});

const output = z.strictObject({
  description: z.string().optional(),
  // Composite actions map each output to a step output.
  value: z.string().optional(),
});

const metadata = z.looseObject({
  name: z.string(),
  description: z.string(),
  author: z.string().optional(),
  branding: z.strictObject({ icon: z.string().optional(), color: z.string().optional() }).optional(),
  // Every name is kept, `__proto__` and `constructor` included (z.record would drop the first);
  // an empty `inputs:` is null in YAML.
  inputs: z.preprocess((value) => value ?? {}, ownEntries(z, input)),
  outputs: z.preprocess((value) => value ?? {}, ownEntries(z, output)),
  // `runs` differs per kind (node, docker, composite); only its kind matters here.
  runs: z.looseObject({ using: z.string() }),
});

/** The manifest facts of one action, without its pin. */
export type ActionMetadataFacts = Pick<ActionFacts, "inputs" | "outputs">;

/**
 * Parses the text of an `action.yml`.
 * @param source the file name used in error messages
 * @throws ValidationError naming the file and each bad key
 */
export function parseActionMetadata(text: string, source: string): ActionMetadataFacts {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ValidationError([`${source}: is not valid YAML (${(error as Error).message.split("\n")[0]}); check the file`]);
  }
  const parsed = parseWith(metadata, data, source);
  const inputs: Record<string, InputFacts> = Object.create(null);
  for (const [name, spec] of Object.entries(parsed.inputs)) {
    inputs[name] = {
      required: spec.required ?? false,
      ...(spec.default !== undefined && spec.default !== null ? { default: String(spec.default) } : {}),
      ...(spec.deprecationMessage !== undefined ? { deprecationMessage: spec.deprecationMessage } : {}),
    };
  }
  return { inputs, outputs: Object.keys(parsed.outputs) };
}

// A reusable workflow's interface: only `on.workflow_call` matters here; the rest of the file is not read.
const callInput = z.strictObject({
  description: z.string().optional(),
  type: z.enum(["string", "boolean", "number"]),
  required: z.boolean().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
const callSecret = z.strictObject({ description: z.string().optional(), required: z.boolean().optional() }).nullable();
const callOutput = z.strictObject({ description: z.string().optional(), value: z.string() });
const workflowCall = z.strictObject({
  inputs: z.record(z.string(), callInput).nullable().optional(),
  secrets: z.record(z.string(), callSecret).nullable().optional(),
  outputs: z.record(z.string(), callOutput).nullable().optional(),
});

/**
 * Parses a reusable workflow's file into the manifest facts of its `workflow_call`:
 * typed inputs, secrets, output names.
 * @throws ValidationError naming the file when it is not YAML or has no `on.workflow_call`
 */
export function parseWorkflowCallMetadata(text: string, source: string): ActionMetadataFacts & Pick<ActionFacts, "secrets"> {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ValidationError([`${source}: is not valid YAML (${(error as Error).message.split("\n")[0]}); check the file`]);
  }
  const on = (data as { on?: unknown } | null)?.on;
  const declared = on && typeof on === "object" && !Array.isArray(on) && "workflow_call" in on ? (on as { workflow_call: unknown }).workflow_call : undefined;
  if (declared === undefined) throw new ValidationError([`${source}: has no on.workflow_call, so it cannot be called; pin a reusable workflow`]);
  const parsed = parseWith(workflowCall, declared ?? {}, `${source} on.workflow_call`);
  const inputs: Record<string, InputFacts> = {};
  for (const [name, spec] of Object.entries(parsed.inputs ?? {})) {
    inputs[name] = { required: spec.required ?? false, type: spec.type, ...(spec.default !== undefined ? { default: String(spec.default) } : {}) };
  }
  const secrets = Object.fromEntries(Object.entries(parsed.secrets ?? {}).map(([name, spec]) => [name, { required: spec?.required ?? false }]));
  return { inputs, outputs: Object.keys(parsed.outputs ?? {}), secrets };
}
