/**
 * The writer: turns a built workflow into YAML text. Keys in conventional order,
 * multi-line strings as literal block scalars, long lines never folded, and a
 * `# <tag>` comment after every pinned `uses:`; the same model always gives the
 * same bytes.
 */
import { Document, isMap, isScalar, isSeq, type Node } from "yaml";
import { pinOfUses } from "../../workflows-src/kit/pins.ts";
import type { BuiltWorkflow } from "../../workflows-src/kit/workflow.ts";
import type { GeneratedFile } from "../generated/generated-file.ts";
import { withHeader } from "../generated/header.ts";
import { orderWorkflowKeys } from "./key-order.ts";

/** The directory generated workflows are written to, relative to the project root. */
export const WORKFLOWS_DIR = ".github/workflows";

/** Emits one workflow as a generated file. Throws when a `uses:` is not from the pin table. */
export function emitWorkflow(built: BuiltWorkflow): GeneratedFile {
  // Shared arrays (the same branch list for push and pull_request) are written out, not aliased.
  const document = new Document(orderWorkflowKeys(built.workflow), { aliasDuplicateObjects: false });
  markNodes(document.contents, built.sourceModule);
  const body = document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, nullStr: "" });
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
 * Walks the node tree once: multi-line strings become literal block scalars and each
 * `uses:` gets its `# <tag>` comment. (A plain walk: yaml's generic visitor costs more
 * than the rest of the pass.)
 */
function markNodes(node: Node | null, sourceModule: string): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === "uses" && isScalar(pair.value) && typeof pair.value.value === "string") {
        const pin = pinOfUses(pair.value.value);
        if (!pin) throw new Error(`${sourceModule}: "uses: ${pair.value.value}" is not in the pin table; add its pin to workflows-src/kit/actions.manifest.json, run \`npm run sync-actions\` and use its binding`);
        pair.value.comment = ` ${pin.tag}`;
      }
      markNodes(pair.value as Node | null, sourceModule);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) markNodes(item as Node | null, sourceModule);
  } else if (isScalar(node) && typeof node.value === "string" && node.value.includes("\n")) {
    node.type = "BLOCK_LITERAL";
  }
}
