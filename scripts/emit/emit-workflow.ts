/**
 * The writer: turns a built workflow into YAML text. Keys in conventional order,
 * multi-line strings as literal block scalars, long lines never folded, and a
 * `# <tag>` comment after every pinned `uses:`; the same model always gives the
 * same bytes.
 */
import { pinOfUses } from "../actions/pin-table.ts";
import { waiverComment } from "../../workflows-src/kit/waiver.ts";
import type { BuiltWorkflow } from "../../workflows-src/kit/workflow.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { withHeader } from "../files/header.ts";
import { orderWorkflowKeys } from "./key-order.ts";
import { blockYaml } from "./yaml-writer.ts";

/** The directory generated workflows are written to, relative to the project root. */
export const WORKFLOWS_DIR = ".github/workflows";

/** Whether a generated file is one of the emitted workflows (and not a binding or a report). */
export function isEmittedWorkflow(file: { readonly path: string }): boolean {
  return file.path.startsWith(`${WORKFLOWS_DIR}/`);
}

/**
 * Emits one workflow as a generated file: a pinned `uses:` gets its `# <tag>`, a
 * waived node its `# lint-ignore:` comments.
 */
export function emitWorkflow(built: BuiltWorkflow): GeneratedFile {
  const body = blockYaml(orderWorkflowKeys(built.workflow), {
    commentAfter: (key, value) => (key === "uses" && typeof value === "string" ? pinTag(value) : undefined),
    ...(built.waivers.size ? { commentsBefore: (path: string) => built.waivers.get(path)?.map(waiverComment) } : {}),
  });
  return {
    path: `${WORKFLOWS_DIR}/${built.file}`,
    content: withHeader("hash", built.sourceModule, body),
    waivers: [...built.waivers].flatMap(([path, list]) => list.map((waiver) => ({ ...waiver, path }))),
    // Read only when a finding needs it (recording the locations is the costly part).
    get sources() {
      return built.sources;
    },
  };
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
