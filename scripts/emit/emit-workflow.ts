/**
 * The writer: turns a built workflow into YAML text. Keys in conventional order,
 * multi-line strings as literal block scalars, long lines never folded, and a
 * `# <tag>` comment after every pinned `uses:`; the same model always gives the
 * same bytes.
 */
import { Document, isScalar, visit, type Scalar } from "yaml";
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
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) return;
      const value = pair.value as Scalar;
      if (pair.key.value === "uses" && typeof value.value === "string") {
        const pin = pinOfUses(value.value);
        if (!pin) throw new Error(`${built.sourceModule}: "uses: ${value.value}" is not in the pin table; add it to workflows-src/kit/pins.ts`);
        value.comment = ` ${pin.tag}`;
      }
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === "string" && scalar.value.includes("\n")) scalar.type = "BLOCK_LITERAL";
    },
  });
  const body = document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, nullStr: "" });
  return { path: `${WORKFLOWS_DIR}/${built.file}`, content: withHeader("hash", built.sourceModule, body), sources: built.sources };
}
