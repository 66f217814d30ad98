/**
 * The kit is authoring only: what a workflow module loads through it is the kit, the
 * generated bindings, the workflow model and GitHub's expression parser. Validation
 * of external data (zod), remembered results and hooks of the command runner belong
 * to the tooling under scripts/, which uses the kit, never the other way round.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { staticallyLoaded } from "../support/import-graph.ts";

const AUTHORING_PACKAGES = new Set(["@actions/expressions", "@github-actions-workflow-ts/lib"]);

test("the kit loads only authoring code and packages", async () => {
  const { files, packages } = await staticallyLoaded(["workflows-src/kit/index.ts"]);
  assert.ok(files.has("workflows-src/kit/job.ts"), "the walk reaches the kit's modules");
  const foreign = [...packages].filter((name) => !name.startsWith("node:") && !AUTHORING_PACKAGES.has(name.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, "$1")));
  assert.deepEqual(foreign, []);
  assert.deepEqual([...files].filter((file) => !/^(workflows-src\/kit\/|generated\/)/.test(file)), []);
});

test("no kit module reads a global set by a runner or loads modules by hand", () => {
  const kit = path.join(PROJECT_ROOT, "workflows-src", "kit");
  const offending = readdirSync(kit)
    .filter((name) => name.endsWith(".ts"))
    .filter((name) => /globalThis|createRequire|\bzod\b/.test(readFileSync(path.join(kit, name), "utf8")));
  assert.deepEqual(offending, []);
});
