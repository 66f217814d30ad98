import { test } from "node:test";
import assert from "node:assert/strict";
import { unpinnedUses } from "../../../scripts/lint/rules/unpinned-uses.ts";
import { lintText, oneJob, where } from "../lint-text.ts";

const CHECKOUT = "actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8";

const EMITTED = { emitted: true } as const;

/** One job whose steps use the given actions, one step each. */
function workflow(...uses: string[]): string {
  return oneJob(uses.map((u) => `      - uses: ${u}\n`).join(""));
}

test("in an emitted workflow, a tag or branch ref is reported with the table's pin as the fix", () => {
  const findings = lintText(workflow("actions/checkout@v6", "actions/checkout@main"), [unpinnedUses], EMITTED);
  assert.deepEqual(where(findings), ["unpinned-uses@jobs.build.steps[0].uses", "unpinned-uses@jobs.build.steps[1].uses"]);
  assert.match(findings[0]?.message ?? "", /8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6\.0\.1/);
});

test("a commit pin without a tag comment is reported", () => {
  assert.deepEqual(where(lintText(workflow(CHECKOUT), [unpinnedUses], EMITTED)), ["unpinned-uses@jobs.build.steps[0].uses"]);
});

test("a comment on the next line does not count as the pin's tag", () => {
  const text = workflow(CHECKOUT).replace(/\n$/, "\n        # v6.0.1\n");
  assert.deepEqual(where(lintText(text, [unpinnedUses], EMITTED)), ["unpinned-uses@jobs.build.steps[0].uses"]);
});

test("a tag comment that disagrees with the pin table is reported", () => {
  const findings = lintText(workflow(`${CHECKOUT} # v4.2.2`), [unpinnedUses], EMITTED);
  assert.deepEqual(where(findings), ["unpinned-uses@jobs.build.steps[0].uses"]);
  assert.match(findings[0]?.message ?? "", /"# v4\.2\.2".*"v6\.0\.1"/);
});

test("a full commit that is not the table's pin, or an action missing from the table, is reported", () => {
  const findings = lintText(workflow("actions/checkout@0000000000000000000000000000000000000000 # v6.0.1", "someone/tool@1111111111111111111111111111111111111111 # v1"), [unpinnedUses], EMITTED);
  assert.deepEqual(where(findings), ["unpinned-uses@jobs.build.steps[0].uses", "unpinned-uses@jobs.build.steps[1].uses"]);
  assert.match(findings[1]?.message ?? "", /add "someone\/tool" to the pin table/);
});

test("a docker image without a digest is reported; with a digest it passes", () => {
  const digest = `docker://alpine@sha256:${"a".repeat(64)}`;
  assert.deepEqual(where(lintText(workflow("docker://alpine:3.20", digest), [unpinnedUses])), ["unpinned-uses@jobs.build.steps[0].uses"]);
});

test("a reusable workflow called by tag is reported at the job's uses", () => {
  const text = `on: push
jobs:
  call:
    uses: someone/repo/.github/workflows/build.yml@v1
`;
  assert.deepEqual(where(lintText(text, [unpinnedUses])), ["unpinned-uses@jobs.call.uses"]);
});

test("a table pin with its tag comment and a local action pass", () => {
  assert.deepEqual(lintText(workflow(`${CHECKOUT} # v6.0.1`, "./.github/actions/setup"), [unpinnedUses], EMITTED), []);
});

test("on any other file, a full commit pins: no comment or pin table needed; tags, branches and short commits do not", () => {
  const findings = lintText(workflow(CHECKOUT, "someone/tool@1111111111111111111111111111111111111111", "actions/setup-node@v4", "someone/tool@abc1234"), [unpinnedUses]);
  assert.deepEqual(where(findings), ["unpinned-uses@jobs.build.steps[2].uses", "unpinned-uses@jobs.build.steps[3].uses"]);
  assert.match(findings[0]?.message ?? "", /"actions\/setup-node@v4" is not pinned to a full commit; write "actions\/setup-node@<40-hex commit> # v4"/);
  assert.doesNotMatch(findings[0]?.message ?? "", /pin table/);
});

test("local ./ and self-repository $/ references run the workflow's own commit and pass, for steps and reusable workflows", () => {
  const text = `on: push
jobs:
  steps:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/setup
      - uses: $/.github/actions/hello
  call:
    uses: $/.github/workflows/reuse.yml
`;
  assert.deepEqual(lintText(text, [unpinnedUses]), []);
  assert.deepEqual(lintText(text, [unpinnedUses], EMITTED), []);
});
