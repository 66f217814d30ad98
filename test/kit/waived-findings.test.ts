/**
 * A waiver written in TypeScript reaches the lint gate: gen refuses a workflow that
 * breaks a rule, and accepts it once the node (or one above it) waives that rule
 * with a reason. A waiver of another rule, or on another node, accepts nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { generate } from "../../scripts/pipeline/generate.ts";
import { defaultPermissions, job, scriptStep, workflow, type Waivers } from "../../workflows-src/kit/index.ts";

function unsafeWorkflow(on: { job?: Waivers; step?: Waivers; other?: Waivers }) {
  return () => {
    const unsafe = scriptStep({ name: "Unsafe", run: "echo ${{ github.head_ref }}", waive: { "template-injection": "the test's subject", ...on.step } });
    const j = job("j", {}, () => ({ name: "j", "runs-on": "ubuntu-latest", permissions: defaultPermissions, ...(on.job ? { waive: on.job } : {}), steps: [scriptStep({ name: "Other", run: "true", ...(on.other ? { waive: on.other } : {}) }), unsafe] }));
    return workflow(new URL("./waived.ts", import.meta.url).href, { name: "waived", on: "push", permissions: {}, jobs: [j] });
  };
}

test("a job without permissions fails the gate unless the job waives excessive-permissions", async () => {
  await assert.rejects(generate({ workflows: [unsafeWorkflow({})], reports: [] }), /\[excessive-permissions\]/);
  await assert.rejects(generate({ workflows: [unsafeWorkflow({ other: { "excessive-permissions": "on another node" } })], reports: [] }), /\[excessive-permissions\]/);
  await assert.rejects(generate({ workflows: [unsafeWorkflow({ job: { "artipacked": "another rule" } })], reports: [] }), /\[excessive-permissions\]/);
  const files = await generate({ workflows: [unsafeWorkflow({ job: { "excessive-permissions": "a test of waivers" } })], reports: [] });
  const emitted = files.find((f) => f.path === ".github/workflows/waived.yml");
  assert.ok(emitted, "the waived workflow is written");
  assert.match(emitted.content, /# lint-ignore: excessive-permissions -- a test of waivers\n {2}j:/);
  assert.match(emitted.content, /# lint-ignore: template-injection -- the test's subject\n {6}- name: Unsafe/);
});
