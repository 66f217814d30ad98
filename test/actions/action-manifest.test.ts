import { test } from "node:test";
import assert from "node:assert/strict";
import { formatActionManifest, loadActionManifest, parseActionManifest, parsePinTable } from "../../scripts/actions/action-manifest.ts";
import { pinOfUses } from "../../scripts/actions/pin-table.ts";
import { validationProblems } from "../support/validation-problems.ts";

const COMMIT = "5555555555555555555555555555555555555555";

test("a manifest with a missing key, an unknown key and a short commit names each", () => {
  const text = JSON.stringify({
    actions: { "acme/widget": { commit: "main", inputs: { size: { required: true, defualt: "1" } }, outputs: [] } },
  });
  const problems = validationProblems(() => parseActionManifest(text, "m.json"));
  assert.equal(problems.length, 3, problems.join("\n"));
  assert.ok(problems.some((p) => p.startsWith('m.json: "actions.acme/widget.tag" is missing')));
  assert.ok(problems.some((p) => p.startsWith('m.json: "actions.acme/widget.inputs.size" has unknown key "defualt"')));
  assert.ok(problems.some((p) => p.startsWith('m.json: "actions.acme/widget.commit"') && p.includes("40-hex")));
});

test("a new pin without metadata is a valid pin table but not a valid manifest", () => {
  const text = JSON.stringify({ actions: { "acme/widget": { commit: COMMIT, tag: "v1" } } });
  assert.deepEqual(parsePinTable(text).actions["acme/widget"], { commit: COMMIT, tag: "v1" });
  assert.ok(validationProblems(() => parseActionManifest(text)).some((p) => p.includes('"actions.acme/widget.inputs" is missing')));
});

test("an action path that is not owner/repo[/path] is refused", () => {
  const problems = validationProblems(() => parseActionManifest(JSON.stringify({ actions: { widget: { commit: COMMIT, tag: "v1", inputs: {}, outputs: [] } } }), "m.json"));
  assert.ok(problems.some((p) => p.includes("owner/repo[/path]")), problems.join("\n"));
});

test("text that is not JSON is reported with the file name", () => {
  assert.match(validationProblems(() => parseActionManifest("{", "m.json"))[0] ?? "", /^m\.json: is not valid JSON/);
});

test("the committed manifest is in its canonical form and is the pin table", () => {
  const manifest = loadActionManifest();
  const metadata = manifest.actions["docker/metadata-action"];
  assert.ok(metadata);
  assert.equal(pinOfUses(`docker/metadata-action@${metadata.commit}`)?.tag, metadata.tag);
  assert.equal(pinOfUses(`docker/metadata-action@${COMMIT}`), undefined, "another commit of a tracked action is not a pin");
  assert.equal(formatActionManifest(parseActionManifest(formatActionManifest(manifest))), formatActionManifest(manifest));
});
