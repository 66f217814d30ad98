import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatActionManifest, loadActionManifest, manifestFile, parsePinTable, type ActionManifest } from "../../scripts/actions/action-manifest.ts";
import { validationProblems } from "../support/validation-problems.ts";
import { bindingFiles, bindingName, bindingsDir, renderBindings } from "../../scripts/actions/render-bindings.ts";
import { directorySource } from "../../scripts/actions/directory-source.ts";
import { syncManifest } from "../../scripts/actions/sync-manifest.ts";
import { generate } from "../../scripts/pipeline/generate.ts";
import { readHeader } from "../../scripts/files/header.ts";
import { pinOfEntry, usesOf } from "../../workflows-src/kit/pins.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const COMMIT = "4444444444444444444444444444444444444444";

const tiny: ActionManifest = {
  actions: {
    "acme/widget": {
      commit: COMMIT,
      tag: "v1.0.0",
      inputs: { target: { required: true }, verbose: { required: false, default: "false" }, depth: { required: false, default: "3" } },
      outputs: ["digest", "report"],
    },
  },
};

test("binding names are camelCase of owner, repo and path", () => {
  const names = Object.fromEntries(
    ["docker/metadata-action", "docker/build-push-action", "actions/checkout", "actions/upload-artifact", "github/codeql-action/upload-sarif", "anchore/sbom-action/download-syft"].map((a) => [a, bindingName(a)]),
  );
  assert.deepEqual(names, {
    "docker/metadata-action": "dockerMetadataAction",
    "docker/build-push-action": "dockerBuildPushAction",
    "actions/checkout": "actionsCheckout",
    "actions/upload-artifact": "actionsUploadArtifact",
    "github/codeql-action/upload-sarif": "githubCodeqlActionUploadSarif",
    "anchore/sbom-action/download-syft": "anchoreSbomActionDownloadSyft",
  });
});

test("a binding types inputs from facts and overrides, and names its action, not its pin", () => {
  const files = renderBindings(tiny, { "acme/widget": { outputs: { report: { type: "json", shape: "{ ok: boolean }" } } } });
  assert.deepEqual(files.map((f) => f.path), [`${bindingsDir}/acme-widget.ts`, `${bindingsDir}/index.ts`]);
  const text = files[0]?.content ?? "";
  assert.equal(readHeader(text)?.source, `${manifestFile} and workflows-src/kit/action-overrides.ts`);
  assert.match(text, /readonly target: StringInput;/, "required without default: a required property");
  assert.match(text, /readonly verbose\?: BooleanInput;/, "a true/false default makes a boolean");
  assert.match(text, /readonly depth\?: NumberInput;/, "a digits-only default makes a number");
  assert.match(text, /readonly report: JsonText<AcmeWidgetOutputReport>;/);
  assert.match(text, /export type AcmeWidgetOutputReport = \{ ok: boolean \};/);
  // The pin is read from the manifest when a step is built, so moving it does not make the binding stale.
  assert.match(text, /actionBinding\(\n {2}"acme\/widget",\n/);
  assert.ok(!text.includes(COMMIT) && !text.includes("v1.0.0"), "no commit or tag in the binding");
  assert.match(files[1]?.content ?? "", /export \{ acmeWidget, type AcmeWidgetInputs, type AcmeWidgetOutputs, type AcmeWidgetOutputReport \} from "\.\/acme-widget\.ts";/);
  assert.deepEqual(renderBindings(tiny, {}), renderBindings(tiny, {}), "deterministic");
});

test("overrides naming an action, input or output the manifest lacks are errors", () => {
  const problems = validationProblems(() =>
    renderBindings(tiny, {
      "acme/widget": { inputs: { targt: { type: "list" } }, outputs: { digets: { type: "json", shape: "string[]" } } },
      "acme/gone": {},
    }),
  );
  assert.equal(problems.length, 3);
  assert.ok(problems.some((p) => p.includes('"targt"')));
  assert.ok(problems.some((p) => p.includes('"digets"')));
  assert.ok(problems.some((p) => p.includes('"acme/gone"')));
});

test("two actions that make the same binding name are an error", () => {
  const facts = tiny.actions["acme/widget"];
  assert.ok(facts);
  const problems = validationProblems(() => renderBindings({ actions: { "a-b/c": facts, "a/b-c": facts } }, {}));
  assert.match(problems[0] ?? "", /"a-b\/c" and "a\/b-c" both make the binding name "aBC"/);
});

test("the committed bindings are exactly what the manifest generates", () => {
  const expected = bindingFiles();
  const onDisk = readdirSync(path.join(root, bindingsDir)).sort().map((f) => `${bindingsDir}/${f}`);
  assert.deepEqual(onDisk, expected.map((f) => f.path).sort());
  for (const file of expected) assert.equal(readFileSync(path.join(root, file.path), "utf8"), file.content, `${file.path} is not current; run npm run gen`);
});

test("gen produces the bindings alongside the workflows", async () => {
  const paths = (await generate()).map((f) => f.path);
  assert.ok(paths.includes(`${bindingsDir}/index.ts`));
  assert.ok(paths.includes(`${bindingsDir}/docker-metadata-action.ts`));
  assert.ok(paths.includes(".github/workflows/docker-build.yml"));
});

test("the manifest tracks exactly the actions the workflows use: one binding per pinned version", async () => {
  const used = new Set<string>();
  for (const file of await generate()) {
    if (!file.path.startsWith(".github/workflows/")) continue;
    for (const line of file.content.split("\n")) {
      const uses = /^\s*(?:- )?uses: ([^@\s]+@[0-9a-f]{40})/.exec(line)?.[1];
      if (uses) used.add(uses);
    }
  }
  const pinned = Object.entries(loadActionManifest().actions).map(([key, entry]) => usesOf(pinOfEntry(key, entry)));
  assert.deepEqual([...used].sort(), pinned.sort());
});

const shared = path.join(root, "..", "shared", "actions");
test("sync from ../shared/actions reproduces the committed manifest", { skip: existsSync(shared) ? false : "../shared/actions is not beside the project" }, async () => {
  // The folder holds the docker-build pins; a workflow may pin another release of one of its actions, which the folder cannot speak for.
  const sharedPins = new Set(readFileSync(path.join(shared, "PINS.tsv"), "utf8").split("\n").map((line) => line.split("\t").slice(0, 2).join("@")));
  const sharedActions = new Set([...sharedPins].map((pin) => pin.split("@")[0]));
  const committed = loadActionManifest();
  const covered = Object.fromEntries(Object.entries(committed.actions).filter(([action, entry]) => !sharedActions.has(action) || sharedPins.has(`${action}@${entry.commit}`)));
  assert.ok(Object.keys(covered).length > sharedActions.size / 2, "most of the folder's pins are the manifest's");
  const synced = await syncManifest(parsePinTable(JSON.stringify({ actions: covered })), directorySource(shared));
  assert.equal(formatActionManifest(synced), formatActionManifest({ actions: covered }));
});
