import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { emittedWorkflowPath } from "../../workflows-src/kit/index.ts";
import { workflows } from "../../workflows-src/index.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

test("a module's own workflow path is the file its workflow is emitted as", () => {
  for (const build of workflows) {
    const built = build();
    const moduleUrl = pathToFileURL(path.join(PROJECT_ROOT, built.sourceModule)).href;
    assert.equal(emittedWorkflowPath(moduleUrl), `.github/workflows/${built.file}`, built.sourceModule);
  }
});
