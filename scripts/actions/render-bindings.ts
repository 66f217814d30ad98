/**
 * Generates the typed action bindings: one file per action in `generated/actions/`
 * and an index exporting one function per action, named from owner, repo and path
 * (`docker/metadata-action` → `dockerMetadataAction`). Input and output types come
 * from the manifest's facts and the typed overrides; output is deterministic.
 */
import { actionPathOf, isWorkflowKey, loadActionManifest, manifestFile, type ActionFacts, type ActionManifest, type InputFacts } from "./action-manifest.ts";
import { actionOverrides, type ActionOverride, type InputOverride } from "../../workflows-src/kit/action-overrides.ts";
import { ValidationError } from "../files/validation-error.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { withHeader } from "../files/header.ts";
import { commentText, propertyKey, stringLiteral } from "./code-text.ts";

/** The folder of the bindings, relative to the project root. */
export const bindingsDir = "generated/actions";

const overridesFile = "workflows-src/kit/action-overrides.ts";
const kitImport = "../../workflows-src/kit";
const source = `${manifestFile} and ${overridesFile}`;

/** The binding files for the committed manifest and overrides, as `gen` writes them. */
export function bindingFiles(): GeneratedFile[] {
  return renderBindings(loadActionManifest(), actionOverrides);
}

/**
 * Renders every binding file and the index.
 * @throws ValidationError when an override names an unknown action, input or output, or two actions get one name
 */
export function renderBindings(manifest: ActionManifest, overrides: Readonly<Record<string, ActionOverride>>): GeneratedFile[] {
  checkOverrides(manifest, overrides);
  const actions = Object.keys(manifest.actions).sort();
  const names = new Map<string, string>();
  const problems: string[] = [];
  for (const action of actions) {
    const name = bindingName(action);
    const other = names.get(name);
    if (other) problems.push(`${manifestFile}: "${other}" and "${action}" both make the binding name "${name}"; drop one of them`);
    names.set(name, action);
  }
  if (problems.length) throw new ValidationError(problems);

  const bindings = actions.map((key) => {
    const facts = manifest.actions[key] as ActionFacts;
    return { action: key, ...(isWorkflowKey(key) ? renderWorkflowBinding(key, facts) : renderBinding(key, facts, overrideOf(key, facts, overrides))) };
  });
  const files = bindings.map(({ action, text }) => ({ path: `${bindingsDir}/${bindingFileName(action)}`, content: withHeader("slash", source, text) }));
  const index = bindings.map(({ action, types }) => {
    return `export { ${[bindingName(action), ...types.map((t) => `type ${t}`)].join(", ")} } from "./${bindingFileName(action)}";\n`;
  });
  return [...files, { path: `${bindingsDir}/index.ts`, content: withHeader("slash", source, "\n" + index.join("")) }];
}

/** The binding's function name: camelCase of owner, repo and path (after "_" when the owner starts with a digit). */
export function bindingName(action: string): string {
  const words = action.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function bindingFileName(action: string): string {
  return `${action.split(/[^A-Za-z0-9]+/).filter(Boolean).join("-").toLowerCase()}.ts`;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The overrides of one manifest entry: its own key's, else its action path's (which
 * apply to every pinned version of the action, each taking the inputs and outputs it has).
 */
function overrideOf(key: string, facts: ActionFacts, overrides: Readonly<Record<string, ActionOverride>>): ActionOverride {
  const override = overrides[key] ?? overrides[actionPathOf(key)];
  if (!override) return {};
  const has = <T>(entries: Readonly<Record<string, T>> | undefined, keep: (name: string) => boolean): Readonly<Record<string, T>> | undefined =>
    entries && Object.fromEntries(Object.entries(entries).filter(([name]) => keep(name)));
  return { inputs: has(override.inputs, (name) => name in facts.inputs), outputs: has(override.outputs, (name) => facts.outputs.includes(name)) } as ActionOverride;
}

function checkOverrides(manifest: ActionManifest, overrides: Readonly<Record<string, ActionOverride>>): void {
  const problems: string[] = [];
  for (const [action, override] of Object.entries(overrides)) {
    // An override by action path covers every version; one by versioned key covers that one.
    const versions = Object.entries(manifest.actions).filter(([key]) => key === action || actionPathOf(key) === action).map(([, facts]) => facts);
    if (!versions.length) {
      problems.push(`${overridesFile}: "${action}" is not in ${manifestFile}; remove its overrides or add the action`);
      continue;
    }
    for (const input of Object.keys(override.inputs ?? {})) {
      if (!versions.some((facts) => Object.hasOwn(facts.inputs, input))) problems.push(`${overridesFile}: "${action}" has no input "${input}"; remove the override or fix its name`);
    }
    for (const output of Object.keys(override.outputs ?? {})) {
      if (!versions.some((facts) => facts.outputs.includes(output))) problems.push(`${overridesFile}: "${action}" has no output "${output}"; remove the override or fix its name`);
    }
  }
  if (problems.length) throw new ValidationError(problems);
}

/** A binding's text (without header) and the types it exports. */
interface RenderedBinding {
  text: string;
  types: string[];
}

function renderBinding(manifestKey: string, facts: ActionFacts, override: ActionOverride): RenderedBinding {
  const action = actionPathOf(manifestKey);
  const name = bindingName(manifestKey);
  const type = pascal(name);
  const used = new Set<string>(["actionBinding", "type ActionBinding"]);
  const inputLines = Object.entries(facts.inputs).map(([input, spec]) => {
    // Own entries only: an input named "constructor" must not find Object's.
    const typed = override.inputs && Object.hasOwn(override.inputs, input) ? override.inputs[input] : undefined;
    const { text, helpers } = inputType(typed ?? inferred(spec));
    for (const helper of helpers) used.add(`type ${helper}`);
    const optional = spec.required && spec.default === undefined ? "" : "?";
    return `${docComment(inputDoc(input, spec), "  ")}  readonly ${propertyKey(input)}${optional}: ${text};\n`;
  });
  const shapes: string[] = [];
  const shapeNames: string[] = [];
  const exprTypes = new Set<string>();
  const outputLines = facts.outputs.map((output) => {
    const json = override.outputs && Object.hasOwn(override.outputs, output) ? override.outputs[output] : undefined;
    if (!json) {
      exprTypes.add("Expr");
      return `  readonly ${propertyKey(output)}: Expr<string>;\n`;
    }
    exprTypes.add("JsonText");
    const shapeName = `${type}Output${pascal(bindingName(output))}`;
    shapeNames.push(shapeName);
    shapes.push(`/** The JSON carried by the \`${commentText(output)}\` output of ${action}. */\nexport type ${shapeName} = ${json.shape};\n\n`);
    return `  readonly ${propertyKey(output)}: JsonText<${shapeName}>;\n`;
  });
  const jsonOutputs = facts.outputs.filter((output) => override.outputs && Object.hasOwn(override.outputs, output));

  const imports =
    `import { ${[...used].sort(byName).join(", ")} } from "${kitImport}/action-binding.ts";\n` +
    (exprTypes.size ? `import type { ${[...exprTypes].sort().join(", ")} } from "${kitImport}/expr.ts";\n` : "");
  const text =
    "\n" +
    imports +
    "\n" +
    shapes.join("") +
    `/** Inputs of ${action}. */\n` +
    `export interface ${type}Inputs {\n${inputLines.join("")}}\n\n` +
    `/** Outputs of ${action}; read them on the handle of a step with an id. */\n` +
    (outputLines.length ? `export interface ${type}Outputs {\n${outputLines.join("")}}\n\n` : `export interface ${type}Outputs {}\n\n`) +
    `/** A step that uses ${action}, pinned as the manifest${manifestKey === action ? "" : `'s ${commentText(manifestKey)}`} says.${inferredNote(facts)} */\n` +
    `export const ${name}: ActionBinding<${type}Inputs, ${type}Outputs> = actionBinding(\n` +
    `  ${stringLiteral(manifestKey)},\n` +
    `  { names: ${literalList(facts.outputs)}, json: ${literalList(jsonOutputs)} },\n` +
    `);\n`;
  return { text, types: [`${type}Inputs`, `${type}Outputs`, ...shapeNames] };
}

/** What a binding says of facts `npm run import` inferred from a workflow instead of reading the metadata. */
function inferredNote(facts: ActionFacts): string {
  return facts.inferred ? " Its inputs and outputs were inferred from a workflow that uses it, not read from its metadata: run `npm run sync-actions` to confirm them." : "";
}

/**
 * The binding of a pinned reusable workflow: a callable workflow whose interface is
 * its `workflow_call` declaration, for `callWorkflow(id, { uses: binding }, …)`.
 */
function renderWorkflowBinding(manifestKey: string, facts: ActionFacts): RenderedBinding {
  const path = actionPathOf(manifestKey);
  const inputs = Object.fromEntries(
    Object.entries(facts.inputs).map(([name, input]) => [name, { type: input.type ?? "string", required: input.required, ...(input.default !== undefined ? { default: typedDefault(input.type, input.default) } : {}) }]),
  );
  const text =
    "\n" +
    `import { pinnedWorkflow } from "${kitImport}/reusable.ts";\n\n` +
    `/** The reusable workflow ${commentText(path)}, pinned as the manifest says; call it with callWorkflow().${inferredNote(facts)} */\n` +
    `export const ${bindingName(manifestKey)} = pinnedWorkflow(\n` +
    `  ${stringLiteral(manifestKey)},\n` +
    `  { inputs: ${dataLiteral(inputs)}, secrets: ${dataLiteral(facts.secrets ?? {})}, outputs: ${literalList(facts.outputs)} } as const,\n` +
    `);\n`;
  return { text, types: [] };
}

/** Manifest data (names, strings, numbers, booleans, objects) as a literal that holds exactly it. */
function dataLiteral(value: unknown): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const entries = Object.entries(value as Record<string, unknown>);
  // A computed key keeps "__proto__" a property instead of the literal's prototype.
  return `{ ${entries.map(([key, inner]) => `${key === "__proto__" ? `[${stringLiteral(key)}]` : propertyKey(key)}: ${dataLiteral(inner)}`).join(", ")} }`;
}

/** A default as the callee declares it: the manifest keeps defaults as the runner's strings. */
function typedDefault(type: "string" | "boolean" | "number" | undefined, value: string): string | boolean | number {
  if (type === "boolean") return value === "true";
  if (type === "number") return Number(value);
  return value;
}

// `type X` imports sort by the name after the keyword, so the list reads alphabetically.
function byName(a: string, b: string): number {
  const bare = (s: string): string => s.replace(/^type /, "");
  return bare(a) < bare(b) ? -1 : bare(a) > bare(b) ? 1 : 0;
}

/** How the binding of a manifest entry types each input (for tools that write calls of it, such as the importer). */
export function inputKindsOf(manifestKey: string, facts: ActionFacts, overrides: Readonly<Record<string, ActionOverride>> = actionOverrides): Record<string, InputOverride> {
  const override = overrideOf(manifestKey, facts, overrides);
  return Object.fromEntries(Object.entries(facts.inputs).map(([name, spec]) => [name, override.inputs?.[name] ?? inferred(spec)]));
}

function inferred(spec: InputFacts): InputOverride {
  if (spec.default === "true" || spec.default === "false") return { type: "boolean" };
  if (spec.default !== undefined && /^\d+$/.test(spec.default)) return { type: "number" };
  return { type: "string" };
}

function inputType(override: InputOverride): { text: string; helpers: string[] } {
  switch (override.type) {
    case "string":
      return { text: "StringInput", helpers: ["StringInput"] };
    case "boolean":
      return { text: "BooleanInput", helpers: ["BooleanInput"] };
    case "number":
      return { text: "NumberInput", helpers: ["NumberInput"] };
    case "list":
      return { text: "ListInput", helpers: ["ListInput"] };
    case "enum": {
      const words = override.values.filter((v): v is string => typeof v === "string");
      const text = `EnumInput<${words.map(stringLiteral).join(" | ")}>`;
      // A boolean among the values lets the input also take true/false or a condition.
      return override.values.some((v) => typeof v === "boolean")
        ? { text: `${text} | BooleanInput`, helpers: ["EnumInput", "BooleanInput"] }
        : { text, helpers: ["EnumInput"] };
    }
  }
}

function inputDoc(name: string, spec: InputFacts): string[] {
  return [
    ...(spec.default !== undefined ? [`Default: \`${spec.default}\`.`] : spec.required ? ["Required."] : []),
    // In an object literal a plain `__proto__:` sets the prototype; only a computed key makes the property.
    ...(name === "__proto__" ? ['Write the key as ["__proto__"]: a plain __proto__ key sets the object\'s prototype and the input is lost.'] : []),
    ...(spec.deprecationMessage !== undefined ? [`@deprecated ${spec.deprecationMessage}`] : []),
  ];
}

function docComment(lines: string[], indent: string): string {
  if (!lines.length) return "";
  const safe = lines.map(commentText);
  return safe.length === 1 ? `${indent}/** ${safe[0]} */\n` : `${indent}/**\n${safe.map((l) => `${indent} * ${l}\n`).join("")}${indent} */\n`;
}

function literalList(values: readonly string[]): string {
  return `[${values.map(stringLiteral).join(", ")}]`;
}
