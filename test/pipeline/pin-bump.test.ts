/**
 * The README's pin bump, end to end in a copy of the project: change the commit and tag
 * of actions/checkout in the manifest, `npm run sync-actions -- --from DIR` with a folder
 * that holds only that action's metadata, `npm run gen`; every checkout is then pinned
 * to the new commit with the new tag, and `npm run check` passes. No file under
 * ../shared is needed: the metadata folder is made here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { manifestFile, parseActionManifest } from "../../scripts/actions/action-manifest.ts";
import { npmRun, projectCopy } from "../support/project-copy.ts";

const NEW_COMMIT = "0123456789abcdef0123456789abcdef01234567";
const NEW_TAG = "v6.9.0";

test("moving the pin of actions/checkout: sync-actions from a folder with only its metadata, then gen, then check", () => {
  const root = projectCopy("pin-bump");
  try {
    const manifestPath = path.join(root, manifestFile);
    const manifest = parseActionManifest(readFileSync(manifestPath, "utf8"));
    const checkout = manifest.actions["actions/checkout"]!;
    const oldCommit = checkout.commit;

    // The new release's metadata: the old inputs plus one, as a newer action.yml would have.
    const dir = path.join(root, "metadata");
    mkdirSync(path.join(dir, "actions", "checkout"), { recursive: true });
    const inputFacts = { ...checkout.inputs, "fetch-retries": { required: false, default: "3" } };
    const inputs = Object.fromEntries(Object.entries(inputFacts).map(([name, facts]) => [name, { description: `the ${name}`, ...facts }]));
    writeFileSync(path.join(dir, "actions", "checkout", "action.yml"), stringify({ name: "Checkout", description: "Check out a repository", inputs, outputs: Object.fromEntries(checkout.outputs.map((o) => [o, { description: o }])), runs: { using: "node24", main: "dist/index.js" } }));

    manifest.actions["actions/checkout"] = { ...checkout, commit: NEW_COMMIT, tag: NEW_TAG };
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");

    const sync = npmRun(root, "sync-actions", ["--from", dir]);
    assert.equal(sync.status, 0, sync.stdout + sync.stderr);
    assert.match(sync.stdout, /input "fetch-retries" added/);

    const gen = npmRun(root, "gen");
    assert.equal(gen.status, 0, gen.stdout + gen.stderr);

    const workflows = ["docker-build.yml", "workflows-check.yml"].map((file) => readFileSync(path.join(root, ".github", "workflows", file), "utf8"));
    const checkoutLines = workflows.flatMap((text) => text.split("\n").filter((line) => line.includes("actions/checkout@")));
    assert.ok(checkoutLines.length > 0);
    for (const line of checkoutLines) assert.match(line, new RegExp(`actions/checkout@${NEW_COMMIT} # ${NEW_TAG}$`));
    assert.ok(!workflows.some((text) => text.includes(oldCommit)), "no checkout keeps the old commit");
    assert.match(readFileSync(path.join(root, "generated", "actions", "actions-checkout.ts"), "utf8"), /"fetch-retries"\?: NumberInput/);

    const check = npmRun(root, "check");
    assert.equal(check.status, 0, check.stdout + check.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
