/** An action's metadata (action.yml) is linted as an action: its composite steps are checked as a job's steps, and workflow-only rules stay quiet. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadWorkflowFile } from "../../scripts/lint/load.ts";
import { lint } from "../../scripts/lint/engine.ts";
import { where } from "./lint-text.ts";

const action = `name: setup
description: installs the tool
inputs:
  version:
    description: tool version
runs:
  using: composite
  steps:
    - uses: actions/checkout@v6
    - shell: bash
      run: echo "installing \${{ inputs.version }} for \${{ github.event.pull_request.title }}"
    - shell: bash
      run: curl -fsSL https://example.com/install.sh | bash
`;

test("a composite action gets step rules (template injection, downloads, pins) and no workflow-only rule or parser error", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "lint-action-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "action.yml");
  writeFileSync(file, action);
  const loaded = await loadWorkflowFile(file, { actionlint: true });
  assert.equal(loaded.document?.kind, "action");
  assert.deepEqual(loaded.findings, [], "the workflow parser and actionlint do not read actions");
  const findings = lint([loaded.document!]);
  assert.deepEqual(where(findings).sort(), ["artipacked@runs.steps[0].with.persist-credentials", "download-exec@runs.steps[2].run", "template-injection@runs.steps[1].run", "unpinned-uses@runs.steps[0].uses"]);
  assert.match(findings.find((f) => f.rule === "template-injection")?.message ?? "", /inputs\.version.*github\.event\.pull_request\.title/);
});

test("a docker or node action has no steps to lint", async () => {
  const { parseWorkflowDocument } = await import("../../scripts/lint/document.ts");
  const document = parseWorkflowDocument("action.yaml", "name: x\ndescription: y\nruns:\n  using: node20\n  main: index.js\n");
  assert.equal(document.kind, "action");
  assert.deepEqual(lint([document]), []);
});
