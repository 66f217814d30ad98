import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { manifestFile, parseActionManifest } from "../../scripts/actions/action-manifest.ts";
import { syncActionsCommand } from "../../scripts/actions/sync-command.ts";
import { pinnedProject } from "../support/pinned-project.ts";

const fixtures = fileURLToPath(new URL("../fixtures/action-metadata", import.meta.url));
const WIDGET = "1111111111111111111111111111111111111111";
const GADGET = "2222222222222222222222222222222222222222";

async function run(root: string, options: Parameters<typeof syncActionsCommand>[0]): Promise<{ code: number; log: string[] }> {
  const log: string[] = [];
  const code = await syncActionsCommand(options, { root, env: {}, log: (line) => log.push(line) });
  return { code, log };
}

test("--from fills in the metadata of new pins, then reports the manifest up to date", async () => {
  const project = pinnedProject({ "acme/widget": WIDGET, "acme/widget/lint": WIDGET });
  const first = await run(project.root, { from: fixtures });
  assert.equal(first.code, 0, first.log.join("\n"));
  assert.ok(first.log.some((l) => l.includes('"acme/widget": metadata added (6 inputs, 2 outputs)')), first.log.join("\n"));

  const manifest = parseActionManifest(project.manifest());
  assert.deepEqual(manifest.actions["acme/widget"]?.inputs["target"], { required: true });
  assert.equal(manifest.actions["acme/widget"]?.commit, WIDGET, "the pin is kept");
  assert.deepEqual({ ...manifest.actions["acme/widget/lint"]?.inputs }, { strict: { required: false, default: "true" } }, "action.yaml is read too");

  const written = project.manifest();
  const second = await run(project.root, { from: fixtures });
  assert.equal(second.code, 0);
  assert.match(second.log[0] ?? "", /is up to date \(2 actions\)/);
  assert.equal(project.manifest(), written);
});

test("--from reports a changed input against the committed facts", async () => {
  const project = pinnedProject({ "acme/widget": WIDGET });
  await run(project.root, { from: fixtures });
  const file = path.join(project.root, manifestFile);
  writeFileSync(file, project.manifest().replace('"default": "3"', '"default": "4"'));
  const { code, log } = await run(project.root, { from: fixtures });
  assert.equal(code, 0);
  assert.ok(log.some((l) => l.includes('input "depth" changed')), log.join("\n"));
  assert.match(project.manifest(), /"default": "3"/);
});

test("malformed metadata fails naming file and key, and nothing is written", async () => {
  const project = pinnedProject({ "acme/widget": WIDGET, "acme/gadget": GADGET });
  const before = project.manifest();
  const { code, log } = await run(project.root, { from: fixtures });
  assert.equal(code, 1);
  assert.ok(log.some((l) => l.includes(path.join("acme", "gadget", "action.yml")) && l.includes('"requird"')), log.join("\n"));
  assert.equal(project.manifest(), before, "the widget's metadata was not written either");
});

test("missing metadata names the file it looked for", async () => {
  const project = pinnedProject({ "acme/nothing": WIDGET });
  const { code, log } = await run(project.root, { from: fixtures });
  assert.equal(code, 1);
  assert.ok(log.some((l) => l.includes(path.join("acme", "nothing", "action.yml")) && l.includes("not found")), log.join("\n"));
});

test("a PINS.tsv in the folder must agree with the manifest's pins", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "sync-actions-dir-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(fixtures, dir, { recursive: true });
  writeFileSync(path.join(dir, "PINS.tsv"), `acme/widget\t${GADGET}\tv1.0.0\n`);
  const project = pinnedProject({ "acme/widget": WIDGET });
  const before = project.manifest();
  const { code, log } = await run(project.root, { from: dir });
  assert.equal(code, 1);
  assert.ok(log.some((l) => l.includes("PINS.tsv") && l.includes('"acme/widget"') && l.includes(GADGET) && l.includes(WIDGET)), log.join("\n"));
  assert.equal(project.manifest(), before);

  writeFileSync(path.join(dir, "PINS.tsv"), `acme/widget\t${WIDGET}\tv1.0.0\n`);
  assert.equal((await run(project.root, { from: dir })).code, 0);
});

test("a manifest entry that is not a full commit is rejected before any metadata is read", async () => {
  const project = pinnedProject({ "acme/widget": "main" });
  const { code, log } = await run(project.root, { from: fixtures });
  assert.equal(code, 1);
  assert.ok(log.some((l) => l.includes(manifestFile) && l.includes('"actions.acme/widget.commit"')), log.join("\n"));
});
