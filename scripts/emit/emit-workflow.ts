/**
 * The writer: turns a built workflow into YAML text. Keys in conventional order,
 * multi-line strings as literal block scalars, long lines never folded, and a
 * `# <tag>` comment after every pinned `uses:`; the same model always gives the
 * same bytes.
 */
import { pinOfUses } from "../../workflows-src/kit/pins.ts";
import type { BuiltWorkflow } from "../../workflows-src/kit/workflow.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { withHeader } from "../files/header.ts";
import { orderWorkflowKeys } from "./key-order.ts";
import { blockYamlSections, type NodePath } from "./yaml-writer.ts";

/** The directory generated workflows are written to, relative to the project root. */
export const WORKFLOWS_DIR = ".github/workflows";

/** Whether a generated file is one of the emitted workflows (and not a binding or a report). */
export function isEmittedWorkflow(file: { readonly path: string }): boolean {
  return file.path.startsWith(`${WORKFLOWS_DIR}/`);
}

/** Emits one workflow as a generated file. Throws when a `uses:` is not from the pin table. */
export function emitWorkflow(built: BuiltWorkflow): GeneratedFile {
  const model = orderWorkflowKeys(built.workflow);
  const keys = Object.keys(model);
  const headEnd = keys[keys.indexOf("jobs") - 1];
  const body = blockYamlSections(model, {
    commentAfter: (key, value) => (key === "uses" && typeof value === "string" ? pinTag(value, built.sourceModule) : undefined),
    sectionEnds: (path) => (path.length === 1 ? path[0] === headEnd : isJobOrStep(path)),
  });
  return {
    path: `${WORKFLOWS_DIR}/${built.file}`,
    content: withHeader("hash", built.sourceModule, body),
    // Read only when a finding needs it (recording the locations is the costly part).
    get sources() {
      return built.sources;
    },
  };
}

/**
 * Where a workflow's sections end, each followed by its mark: after the keys before
 * `jobs` (the head), after every job and every step. Two changes to different steps or
 * jobs then touch different lines.
 */
function isJobOrStep(path: NodePath): boolean {
  return path[0] === "jobs" && (path.length === 2 || (path.length === 4 && path[2] === "steps"));
}

/** The `# <tag>` comment of a pinned `uses:`; refuses an action that is not in the pin table. */
function pinTag(uses: string, sourceModule: string): string {
  const pin = pinOfUses(uses);
  if (!pin) throw new Error(`${sourceModule}: "uses: ${uses}" is not in the pin table; add its pin to workflows-src/kit/actions.manifest.json, run \`npm run sync-actions\` and use its binding`);
  return pin.tag;
}
