import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseActionMetadata } from "../../scripts/actions/action-metadata.ts";
import { validationProblems } from "../support/validation-problems.ts";

const fixture = (file: string): string => readFileSync(new URL(`../fixtures/action-metadata/${file}`, import.meta.url), "utf8");

test("metadata facts: required flags, defaults as the runner sees them, deprecations, output order", () => {
  const facts = parseActionMetadata(fixture("acme/widget/action.yml"), "acme/widget/action.yml");
  assert.deepEqual(Object.keys(facts.inputs), ["target", "verbose", "depth", "token", "filter", "legacy"]);
  assert.deepEqual(facts.inputs["target"], { required: true });
  assert.deepEqual(facts.inputs["verbose"], { required: false, default: "false" });
  assert.deepEqual(facts.inputs["depth"], { required: false, default: "3" });
  assert.deepEqual(facts.inputs["token"], { required: false, default: "${{ github.token }}" });
  assert.deepEqual(facts.inputs["filter"], { required: false }, "a null default is no default");
  assert.deepEqual(facts.inputs["legacy"], { required: false, deprecationMessage: "use target" });
  assert.deepEqual(facts.outputs, ["digest", "report"]);
});

test("unknown keys are errors naming the file and the key", () => {
  const problems = validationProblems(() => parseActionMetadata(fixture("acme/gadget/action.yml"), "acme/gadget/action.yml"));
  assert.ok(problems.every((p) => p.startsWith("acme/gadget/action.yml:")));
  assert.ok(problems.some((p) => p.includes('"inputs.size"') && p.includes('"requird"')), problems.join("\n"));
  assert.ok(problems.some((p) => p.includes('"runs"')), "the misspelled runs key leaves runs missing, which is reported");
});

test("a top-level key the schema does not define is ignored, as the runner ignores it", () => {
  const text = "name: x\ndescription: y\ninputs:\n  tag_name:\n    required: false\nenv:\n  GITHUB_TOKEN: As provided by GitHub Actions\noutputs:\n  url:\n    description: z\nruns:\n  using: node20\n  main: dist/index.js\n";
  const facts = parseActionMetadata(text, "x/action.yml");
  assert.deepEqual({ ...facts.inputs }, { tag_name: { required: false } });
  assert.deepEqual(facts.outputs, ["url"]);
});

test("a value of the wrong type names its key path", () => {
  const text = "name: x\ndescription: y\ninputs:\n  size:\n    required: 'yes'\nruns:\n  using: node24\n";
  const problems = validationProblems(() => parseActionMetadata(text, "x/action.yml"));
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? "", /^x\/action\.yml: "inputs\.size\.required" /);
});

test("text that is not YAML is reported with the file name", () => {
  const problems = validationProblems(() => parseActionMetadata("name: [unclosed", "bad/action.yml"));
  assert.match(problems[0] ?? "", /^bad\/action\.yml: is not valid YAML/);
});
