/**
 * One action at two pinned versions, and reusable workflows of other repositories
 * pinned like actions: the manifest keys (`owner/repo`, `owner/repo@<label>`,
 * `owner/repo/.github/workflows/x.yml`), their bindings, and the metadata sync.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseActionManifest, type ActionManifest } from "../../scripts/actions/action-manifest.ts";
import { directorySource } from "../../scripts/actions/directory-source.ts";
import { renderBindings } from "../../scripts/actions/render-bindings.ts";
import { syncManifest } from "../../scripts/actions/sync-manifest.ts";
import { pinOfEntry } from "../../workflows-src/kit/pins.ts";
import { validationProblems } from "../support/validation-problems.ts";

const V6 = "6666666666666666666666666666666666666666";
const V4 = "4444444444444444444444444444444444444444";
const WF = "7777777777777777777777777777777777777777";

const manifest: ActionManifest = {
  actions: {
    "acme/checkout": { commit: V6, tag: "v6.0.1", inputs: { ref: { required: false }, "sparse-checkout": { required: false } }, outputs: ["commit"] },
    "acme/checkout@v4": { commit: V4, tag: "v4.2.2", inputs: { ref: { required: false } }, outputs: [] },
    "acme/infra/.github/workflows/deploy.yml": {
      commit: WF,
      tag: "v2.0.0",
      inputs: { target: { required: true, type: "string" }, dry: { required: false, type: "boolean", default: "false" } },
      outputs: ["url"],
      secrets: { token: { required: true } },
    },
  },
};

test("two versions of an action are two bindings with their own pins; a path's overrides apply to both", () => {
  const files = renderBindings(manifest, { "acme/checkout": { inputs: { "sparse-checkout": { type: "list" } } } });
  const text = (name: string): string => files.find((f) => f.path.endsWith(`/${name}`))?.content ?? "";
  assert.match(text("acme-checkout.ts"), /export const acmeCheckout: ActionBinding<[^>]*> = actionBinding\(\n {2}"acme\/checkout",/);
  assert.match(text("acme-checkout.ts"), /readonly "sparse-checkout"\?: ListInput;/);
  assert.match(text("acme-checkout-v4.ts"), /export const acmeCheckoutV4: ActionBinding<[^>]*> = actionBinding\(\n {2}"acme\/checkout@v4",/);
  assert.doesNotMatch(text("acme-checkout-v4.ts"), /sparse-checkout/, "an override input the version lacks is left out");
});

test("a versioned entry's pin is the action path with the entry's own commit and tag", () => {
  assert.deepEqual(pinOfEntry("acme/checkout@v4", manifest.actions["acme/checkout@v4"]), { action: "acme/checkout", commit: V4, tag: "v4.2.2" });
  assert.deepEqual(pinOfEntry("acme/checkout", manifest.actions["acme/checkout"]), { action: "acme/checkout", commit: V6, tag: "v6.0.1" });
  assert.throws(() => pinOfEntry("acme/checkout@v3", undefined), /"acme\/checkout@v3" is not in the pin table/);
});

test("a pinned reusable workflow's binding is a callable workflow with its workflow_call interface", () => {
  const text = renderBindings(manifest, {}).find((f) => f.path.endsWith("/acme-infra-github-workflows-deploy-yml.ts"))?.content ?? "";
  assert.match(text, /export const acmeInfraGithubWorkflowsDeployYml = pinnedWorkflow\(\n {2}"acme\/infra\/\.github\/workflows\/deploy\.yml",/);
  assert.match(text, /dry: \{ type: "boolean", required: false, default: false \}/, "defaults are typed back from the runner's strings");
  assert.match(text, /secrets: \{ token: \{ required: true \} \}, outputs: \["url"\]/);
});

test("a manifest key is an action path, with an optional @label", () => {
  const facts = { commit: V4, tag: "v4", inputs: {}, outputs: [] };
  assert.deepEqual(Object.keys(parseActionManifest(JSON.stringify({ actions: { "acme/checkout@v4": facts } })).actions), ["acme/checkout@v4"]);
  assert.ok(validationProblems(() => parseActionManifest(JSON.stringify({ actions: { "acme/checkout@": facts } }))).length > 0);
  assert.ok(validationProblems(() => parseActionManifest(JSON.stringify({ actions: { "acme/checkout@v4@v5": facts } }))).length > 0);
});

test("a second version whose <path>@<label>/ folder is missing keeps its facts: the action's own folder holds another commit", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "versions-"));
  try {
    mkdirSync(path.join(dir, "acme", "checkout"), { recursive: true });
    writeFileSync(path.join(dir, "acme", "checkout", "action.yml"), "name: c\ndescription: d\ninputs:\n  ref: {}\n  sparse-checkout: {}\nruns:\n  using: node24\n");
    writeFileSync(path.join(dir, "PINS.tsv"), `acme/checkout\t${V6}\tv6.0.1\n`);
    const synced = await syncManifest(manifest, directorySource(dir));
    assert.deepEqual(synced.actions["acme/checkout@v4"], manifest.actions["acme/checkout@v4"], "not the facts (or the pin check) of the v6 folder");
    assert.deepEqual(Object.keys(synced.actions["acme/checkout"]?.inputs ?? {}), ["ref", "sparse-checkout"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sync reads a second version from <path>@<label>/ and a reusable workflow from its file", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "versions-"));
  try {
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    write("acme/checkout/action.yml", "name: c\ndescription: d\ninputs:\n  ref: {}\n  fetch-depth:\n    default: 1\nruns:\n  using: node24\n");
    write("acme/checkout@v4/action.yml", "name: c\ndescription: d\ninputs:\n  ref: {}\nruns:\n  using: node20\n");
    write(
      "acme/infra/.github/workflows/deploy.yml",
      "on:\n  workflow_call:\n    inputs:\n      target:\n        type: string\n        required: true\n    secrets:\n      token:\n        required: true\n    outputs:\n      url:\n        value: ${{ jobs.d.outputs.url }}\njobs: {}\n",
    );
    const table = { actions: { "acme/checkout": { commit: V6, tag: "v6.0.1" }, "acme/checkout@v4": { commit: V4, tag: "v4.2.2" }, "acme/infra/.github/workflows/deploy.yml": { commit: WF, tag: "v2.0.0" } } };
    const synced = await syncManifest(table, directorySource(dir));
    assert.deepEqual(Object.keys(synced.actions["acme/checkout"]?.inputs ?? {}), ["ref", "fetch-depth"]);
    assert.deepEqual(Object.keys(synced.actions["acme/checkout@v4"]?.inputs ?? {}), ["ref"]);
    assert.deepEqual(synced.actions["acme/infra/.github/workflows/deploy.yml"], {
      commit: WF,
      tag: "v2.0.0",
      inputs: { target: { required: true, type: "string" } },
      outputs: ["url"],
      secrets: { token: { required: true } },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
