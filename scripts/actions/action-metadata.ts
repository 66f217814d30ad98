/**
 * Reads an action's metadata file (`action.yml`) into the facts the manifest keeps.
 * Parsing is strict on the keys GitHub's action schema defines — an unknown key is an
 * error naming the file and the key — because a misread input list would silently
 * produce a wrong binding.
 */
import { parse } from "yaml";
import { z } from "zod";
import { ownEntries, type ActionFacts, type InputFacts } from "../../workflows-src/kit/action-manifest.ts";
import { parseWith, ValidationError } from "../../workflows-src/kit/validation-error.ts";

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

const metadata = z.strictObject({
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
