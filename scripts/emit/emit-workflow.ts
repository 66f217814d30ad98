/**
 * The writer: turns a built workflow into YAML text. Keys in conventional order,
 * multi-line strings as literal block scalars, long lines never folded, a `# <tag>`
 * comment after every pinned `uses:` and a `# lint-ignore:` comment before every
 * waived node; the same model always gives the same bytes.
 */
import { waiverComment } from "../../workflows-src/kit/waiver.ts";
import type { BuiltWorkflow } from "../../workflows-src/kit/workflow.ts";
import { pinOfUses } from "../actions/pin-table.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { pathText } from "../files/yaml-path.ts";
import { withHeader } from "../files/header.ts";
import { orderWorkflowKeys } from "./key-order.ts";
import { blockYamlSections, type NodePath } from "./yaml-writer.ts";

/** The directory generated workflows are written to, relative to the project root. */
export const WORKFLOWS_DIR = ".github/workflows";

/** Whether a generated file is one of the emitted workflows (and not a binding or a report). */
export function isEmittedWorkflow(file: { readonly path: string }): boolean {
  return file.path.startsWith(`${WORKFLOWS_DIR}/`);
}

/** Emits one workflow as a generated file. */
export function emitWorkflow(built: BuiltWorkflow): GeneratedFile {
  const model = orderWorkflowKeys(built.workflow);
  const keys = Object.keys(model);
  const headEnd = keys[keys.indexOf("jobs") - 1];
  const body = blockYamlSections(model, {
    commentAfter: (key, value) => (key === "uses" && typeof value === "string" ? pinTag(value) : undefined),
    sectionEnds: (path) => (path.length === 1 ? path[0] === headEnd : isJobOrStep(path)),
    ...(built.waivers.size ? { commentsBefore: (path: NodePath) => built.waivers.get(pathText(path))?.map(waiverComment) } : {}),
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

/**
 * The `# <tag>` comment of a pinned `uses:`. Any other `uses:` — a local action or
 * workflow (`./…`), an image, an action outside the pin table written through the
 * kit's `unpinnedAction` escape — is written without one: the `unpinned-uses` rule
 * refuses it unless a reviewed waiver accepts it.
 */
function pinTag(uses: string): string | undefined {
  return pinOfUses(uses)?.tag;
}
