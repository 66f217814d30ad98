/**
 * The binding files take part in the drift check like the workflows: a stale,
 * hand-edited, missing or orphaned file under generated/actions/ is each reported.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findDrift } from "../../scripts/pipeline/drift.ts";
import { readHeader, remarked, withHeader } from "../../scripts/files/header.ts";
import { writeAll } from "../../scripts/pipeline/write-files.ts";
import { bindingFiles } from "../../scripts/actions/render-bindings.ts";

const expected = bindingFiles();
const metadata = "generated/actions/docker-metadata-action.ts";
const checkout = "generated/actions/actions-checkout.ts";
const index = "generated/actions/index.ts";
const orphan = "generated/actions/acme-gone.ts";

test("stale, hand-edited, missing and orphaned binding files are each reported", (t) => {
  const root = mkdtempSync(path.join(tmpdir(), "bindings-drift-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  writeAll(root, expected, []);
  assert.deepEqual(findDrift(root, expected), [], "a fresh tree is current");

  const at = (file: string): string => path.join(root, file);
  // An intact binding of an older manifest: an input renamed, its section's mark recomputed.
  const current = readFileSync(at(metadata), "utf8");
  const body = readHeader(current)!.body;
  writeFileSync(at(metadata), current.slice(0, current.length - body.length) + remarked(body.replace("readonly images", "readonly image")));
  writeFileSync(at(checkout), readFileSync(at(checkout), "utf8").replace("readonly ref?", "readonly reff?"));
  unlinkSync(at(index));
  writeFileSync(at(orphan), withHeader("slash", "workflows-src/kit/actions.manifest.json", "export {};\n"));

  const kinds = Object.fromEntries(findDrift(root, expected).map((d) => [d.path, d.kind]));
  assert.deepEqual(kinds, { [metadata]: "stale", [checkout]: "hand-edited", [index]: "missing", [orphan]: "orphan" });
});
