/**
 * Manifest text never becomes code. A hostile pin tag, input name, default or
 * deprecation message is refused where it is read (tags as git ref names, commits as
 * 40 lower-case hex) and, should it get through, stays inert data in the generated
 * binding: the binding is run here and must give back exactly the text it was given.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import * as esbuild from "esbuild";
import { manifestFile, parseActionManifest, parsePinTable, tagNameProblem, type ActionManifest } from "../../scripts/actions/action-manifest.ts";
import { parseActionMetadata } from "../../scripts/actions/action-metadata.ts";
import { renderBindings } from "../../scripts/actions/render-bindings.ts";
import { npmRun, projectCopy } from "../support/project-copy.ts";
import { validationProblems } from "../support/validation-problems.ts";

const COMMIT = "4444444444444444444444444444444444444444";
const CODE_IN_TAG = "v3.6.0 */ globalThis.pwned = true; /*";

test("a pin tag holding code is refused by gen on a copy of the project, and nothing is written", () => {
  const root = projectCopy("hostile-manifest");
  const at = (file: string) => path.join(root, file);
  try {
    const written = ["generated/actions/docker-metadata-action.ts", ".github/workflows/docker-build.yml"].map((file) => [file, readFileSync(at(file), "utf8")] as const);
    const manifest = readFileSync(at(manifestFile), "utf8");
    writeFileSync(at(manifestFile), manifest.replace('"tag": "v5.10.0"', `"tag": ${JSON.stringify(CODE_IN_TAG)}`));
    const gen = npmRun(root, "gen");
    assert.notEqual(gen.status, 0);
    assert.match(gen.stderr + gen.stdout, /actions\.docker\/metadata-action\.tag" contains U\+0020/);
    for (const [file, text] of written) assert.equal(readFileSync(at(file), "utf8"), text, `${file} was not rewritten`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("tags follow git's ref-name rules: the rule agrees with git check-ref-format", () => {
  const candidates = ["v1", "v1.2.3-rc.1", "release/v2", "é-1", "v1..2", "../../x", "a b", "a~1", "a^", "a:b", "a?", "a*", "a[b", "a\\b", "/a", "a/", "a//b", "a.", ".a", "a/.b", "a.lock", "a/b.lock/c", "a@{b", "@", "a@b", "a\tb", "a\nb", "a\u007fb"];
  const git = spawnSync("git", ["--version"]);
  for (const tag of candidates) {
    const ours = tagNameProblem(tag) === undefined;
    if (git.status === 0) {
      const theirs = spawnSync("git", ["check-ref-format", `refs/tags/${tag}`]).status === 0;
      assert.equal(ours, theirs, `${JSON.stringify(tag)}: ours ${ours}, git ${theirs}`);
    }
  }
  // Beyond git: a leading "-" (git tag refuses it) and invisible or line-breaking characters.
  for (const tag of ["-v1", "v1\u2028", "v\u202e1", "v\u200b1", "v\u00a01"]) assert.ok(tagNameProblem(tag), JSON.stringify(tag));
  assert.equal(tagNameProblem("v5.10.0"), undefined);
});

test("the manifest and a pin table refuse a hostile tag, a short or upper-case commit and a path that climbs", () => {
  const pins = (action: string, commit: string, tag: string) => JSON.stringify({ actions: { [action]: { commit, tag } } });
  const problems = [
    ...validationProblems(() => parsePinTable(pins("acme/widget", COMMIT, "../../other/repo"), "m.json")),
    ...validationProblems(() => parsePinTable(pins("acme/widget", COMMIT.toUpperCase().replace(/4/g, "A"), "v1"), "m.json")),
    ...validationProblems(() => parsePinTable(pins("acme/..", COMMIT, "v1"), "m.json")),
  ];
  assert.ok(problems.some((p) => p.includes('"actions.acme/widget.tag" contains ".."')), problems.join("\n"));
  assert.ok(problems.some((p) => p.includes('"actions.acme/widget.commit" must be a full 40-hex commit id in lower case')), problems.join("\n"));
  assert.ok(problems.some((p) => p.includes('"actions.acme/.." is not a valid key')), problems.join("\n"));
});

/** Runs a rendered binding (TypeScript → JavaScript) with a stand-in kit; returns what it passed to actionBinding. */
async function runBinding(text: string): Promise<{ action: string; outputs: { names: string[] } }> {
  const { code } = await esbuild.transform(text, { loader: "ts", format: "cjs" });
  const sandbox = { captured: undefined as unknown, pwned: false };
  const require = () => ({ actionBinding: (action: unknown, outputs: unknown) => (sandbox.captured = { action, outputs }) });
  runInNewContext(`(function (require, module, exports) {${code}\n})(require, { exports: {} }, {})`, { require, globalThis: sandbox, ...sandbox });
  assert.equal(sandbox.pwned, false);
  // Plain data of this realm: the binding ran in another one.
  return JSON.parse(JSON.stringify(sandbox.captured)) as never;
}

test("metadata text stays data in the binding: doc comments, property names and literals hold exactly what they were given", async () => {
  const hostile = [CODE_IN_TAG, "`${globalThis.pwned = true}`", 'a"b\\c', "line\u2028break\u2029", "*/ pwned = true; /*", "\u202eevil", "naïve"];
  const manifest: ActionManifest = {
    actions: {
      "acme/widget": {
        commit: COMMIT,
        tag: hostile.join(" "),
        inputs: Object.fromEntries(hostile.map((text, i) => [text, { required: false, default: text, deprecationMessage: `${i} ${text}` }])),
        outputs: hostile,
      },
    },
  };
  const [binding] = renderBindings(manifest, {});
  assert.ok(binding);
  assert.match(binding.content, /^[\x09\x0a\x20-\x7e\u00a0-\uffff]*$/u, "no control or separator character is written raw");
  assert.doesNotMatch(binding.content, /[\u2028\u2029\u202e]/);
  const { action, outputs } = await runBinding(binding.content);
  assert.equal(action, "acme/widget");
  assert.deepEqual(outputs.names, hostile, "output names come back exactly");
});

test("inputs named __proto__ and constructor are kept by sync, the manifest and the binding", async () => {
  const metadata = ["name: x", "description: y", "runs: { using: node20 }", "inputs:", "  __proto__: { required: true }", "  constructor: { default: '1' }", "  hasOwnProperty: {}", "outputs:", "  __proto__: {}", "  constructor: {}"].join("\n");
  const facts = parseActionMetadata(metadata, "acme/widget/action.yml");
  assert.deepEqual(Object.keys(facts.inputs), ["__proto__", "constructor", "hasOwnProperty"]);
  assert.deepEqual(facts.outputs, ["__proto__", "constructor"]);

  const text = JSON.stringify({ actions: { "acme/widget": { commit: COMMIT, tag: "v1", inputs: {}, outputs: facts.outputs } } }).replace('"inputs":{}', `"inputs":${JSON.stringify(Object.fromEntries(Object.entries(facts.inputs)))}`);
  const manifest = parseActionManifest(text);
  assert.deepEqual(Object.keys(manifest.actions["acme/widget"]!.inputs), ["__proto__", "constructor", "hasOwnProperty"]);

  // An override for another input used to make "constructor" find Object and crash the renderer.
  const [binding] = renderBindings(manifest, { "acme/widget": { inputs: { hasOwnProperty: { type: "list" as const } } } });
  assert.ok(binding);
  assert.match(binding.content, /readonly __proto__: StringInput;/);
  assert.match(binding.content, /readonly constructor\?: NumberInput;/);
  assert.match(binding.content, /readonly hasOwnProperty\?: ListInput;/);
  assert.match(binding.content, /Write the key as \["__proto__"\]/, "the author is told how to pass it");
  assert.deepEqual((await runBinding(binding.content)).outputs.names, ["__proto__", "constructor"]);
  const overrides = validationProblems(() => renderBindings(manifest, { "acme/widget": { inputs: { toString: { type: "list" as const } } } }));
  assert.ok(overrides.some((p) => p.includes('has no input "toString"')), "an inherited name is not an input");
});
