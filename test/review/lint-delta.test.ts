/** The review's lint lists: findings a change brings, and none that a waiver in the YAML silences (the waiver is reported as a security change instead). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument } from "yaml";
import { lintDelta } from "../../scripts/review/lint-delta.ts";

const FILE = ".github/workflows/install.yml";
const workflow = (waiver: string) => `on: push
permissions: {}
jobs:
  install:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
${waiver}      - run: curl -fsSL https://example.com/install.sh | sh
`;

async function newRules(text: string): Promise<string[]> {
  const value = parseDocument(text).toJS() as Record<string, unknown>;
  return (await lintDelta(undefined, { file: { path: FILE, content: text }, value })).new.map((entry) => entry.rule);
}

test("a finding a change brings is new; the same finding under a waiver is not", async () => {
  assert.ok((await newRules(workflow(""))).includes("download-exec"));
  const waived = await newRules(workflow("      # lint-ignore: download-exec -- the vendor signs the script\n"));
  assert.ok(!waived.includes("download-exec"), waived.join(", "));
  assert.ok(!waived.includes("lint-ignore"), "the waiver silences a finding, so it is not stale");
});
