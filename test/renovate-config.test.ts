/**
 * Renovate keeps the pins current without breaking the check: its configuration's
 * custom manager extracts every entry of the action manifest (name, commit, tag) and
 * nothing from any generated file, and Renovate's own managers are kept away from the
 * generated files. The patterns are read from `renovate.json` and run as Renovate runs
 * them (ECMAScript syntax; Renovate's RE2 engine accepts this subset).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { manifestFile } from "../scripts/actions/action-manifest.ts";
import { generatedFiles } from "./support/emitted.ts";

interface RegexManager {
  customType: string;
  managerFilePatterns: string[];
  matchStrings: string[];
  datasourceTemplate: string;
}
const config = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "renovate.json"), "utf8")) as { ignorePaths: string[]; customManagers: RegexManager[] };
const [manager] = config.customManagers;

/** A `/regex/` pattern (of a file name or a dependency name) as Renovate reads it. */
function renovateRegex(pattern: string): RegExp {
  const match = /^\/(.*)\/([a-z]*)$/.exec(pattern);
  assert.ok(match, `"${pattern}" is a /regex/ pattern`);
  return new RegExp(match[1]!, match[2]);
}

function extract(text: string): { depName: string; packageName: string; currentDigest: string; currentValue: string }[] {
  return manager!.matchStrings.flatMap((source) => [...text.matchAll(new RegExp(source, "g"))].map((m) => m.groups as { depName: string; packageName: string; currentDigest: string; currentValue: string }));
}

test("the custom manager reads the manifest only", () => {
  assert.equal(manager?.customType, "regex");
  assert.equal(manager.datasourceTemplate, "github-tags");
  const patterns = manager.managerFilePatterns.map(renovateRegex);
  assert.ok(patterns.some((p) => p.test(manifestFile)));
});

test("it extracts every manifest entry: the name, the repository to look up, the commit and the tag", () => {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, manifestFile), "utf8")) as { actions: Record<string, { commit: string; tag: string }> };
  const expected = Object.entries(manifest.actions).map(([key, pin]) => {
    // The key names the entry (an older major kept beside the main one has a label); the repository is looked up.
    return { depName: key, packageName: key.replace(/@[^@]*$/, "").split("/").slice(0, 2).join("/"), currentDigest: pin.commit, currentValue: pin.tag };
  });
  const extracted = extract(readFileSync(path.join(PROJECT_ROOT, manifestFile), "utf8")).map((g) => ({ ...g }));
  assert.ok(expected.length > 10);
  assert.deepEqual(extracted, expected);
});

test("an entry kept at an older major gets no major update, and only such an entry", () => {
  const rules = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "renovate.json"), "utf8")) as { packageRules: { matchDepNames?: string[]; matchUpdateTypes?: string[]; enabled?: boolean }[] }).packageRules;
  const rule = rules.find((r) => r.enabled === false && r.matchUpdateTypes?.join() === "major");
  assert.ok(rule?.matchDepNames?.length === 1, "one rule holds labelled entries to their major");
  const pattern = renovateRegex(rule.matchDepNames[0]!);
  const keys = Object.keys((JSON.parse(readFileSync(path.join(PROJECT_ROOT, manifestFile), "utf8")) as { actions: Record<string, unknown> }).actions);
  assert.ok(keys.some((key) => key.includes("@")) && keys.some((key) => !key.includes("@")));
  for (const key of keys) assert.equal(pattern.test(key), key.includes("@"), key);
});

test("it extracts nothing from a generated file, and no manager of Renovate's reads them", async () => {
  const files = await generatedFiles();
  assert.ok(files.length > 10);
  const patterns = manager!.managerFilePatterns.map(renovateRegex);
  for (const file of files) {
    assert.deepEqual(extract(file.content), [], file.path);
    assert.ok(!patterns.some((p) => p.test(file.path)), `${file.path} is not read by the custom manager`);
    const ignored = config.ignorePaths.some((glob) => path.matchesGlob(file.path, glob));
    assert.ok(ignored, `${file.path} is in ignorePaths, so Renovate's github-actions manager leaves it alone`);
  }
});
