/**
 * The workflows the sources emit, generated once per test process and parsed,
 * so tests read the same YAML that `npm run gen` writes. Like gen, it reuses the
 * committed plan report while nothing it was computed from changed, so each test
 * process does not run the simulation again (the report's own tests do).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { generate } from "../../scripts/pipeline/generate.ts";
import type { GeneratedFile } from "../../scripts/files/generated-file.ts";
import { isEmittedWorkflow, WORKFLOWS_DIR } from "../../scripts/emit/emit-workflow.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
let cache: Promise<GeneratedFile[]> | undefined;

/** Every generated file. */
export function generatedFiles(): Promise<GeneratedFile[]> {
  cache ??= generate();
  return cache;
}

/** The emitted workflow files only. */
export async function emittedWorkflows(): Promise<GeneratedFile[]> {
  return (await generatedFiles()).filter(isEmittedWorkflow);
}

/** An emitted workflow, parsed to a plain object. */
export async function emittedWorkflow(file: string): Promise<Record<string, any>> {
  const found = (await emittedWorkflows()).find((f) => f.path === `${WORKFLOWS_DIR}/${file}`);
  if (!found) throw new Error(`no emitted workflow ${file}`);
  return parse(found.content) as Record<string, any>;
}
