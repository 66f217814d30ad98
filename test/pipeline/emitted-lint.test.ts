/**
 * The lint findings of an emitted workflow are the same whether it was linted or
 * recalled: a workflow whose findings are all waived is remembered with them, and
 * `npm run lint` lists them (json) or counts them (text) on every run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { emittedFindings } from "../../scripts/pipeline/emitted-lint.ts";

test("a workflow whose findings are all waived gives the same findings when recalled as when linted", async () => {
  // A text no run has linted before: the first call lints it.
  const workflow = {
    path: ".github/workflows/waived.yml",
    content: `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions: {}
    steps:
      # lint-ignore: download-exec -- the vendor's script is checked by its checksum (${randomUUID()})
      - run: curl -fsSL https://example.com/install.sh | sh
`,
  };
  const linted = await emittedFindings([workflow]);
  assert.ok(linted.length > 0 && linted.every((finding) => finding.waived !== undefined), JSON.stringify(linted));
  const recalled = await emittedFindings([workflow]);
  assert.deepEqual(JSON.parse(JSON.stringify(recalled)), JSON.parse(JSON.stringify(linted)));
});
