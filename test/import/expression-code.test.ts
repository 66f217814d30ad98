/**
 * Expressions as kit code: typed when the kit prints exactly the original text and
 * the kit's types accept it, `raw()` with the reason otherwise.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { expressionCode, NO_HANDLES, type ExpressionScope } from "../../scripts/import/expression-code.ts";
import { CONTEXT_TYPES, NAMED_CONTEXTS } from "../../scripts/import/kit-contexts.ts";

const scope: ExpressionScope = {
  ...NO_HANDLES,
  steps: new Map([["meta", { variable: "metaStep", outputs: new Set(["tags"]) }]]),
  needs: new Map([["build", { variable: "buildJob", outputs: new Set(["digest"]) }]]),
  inputs: new Map([["dry-run", { code: "dispatch.inputs[\"dry-run\"]", type: { kind: "boolean" } }]]),
  matrix: { variable: "axes", axes: new Map([["os", { kind: "union", values: ["ubuntu-latest", "macos-latest"] }]]) },
};

test("typed: contexts, handles, operators and functions the kit prints back exactly", () => {
  const cases: [string, string][] = [
    ["github.event_name == 'push'", 'eq(github.eventName, "push")'],
    ["steps.meta.outputs.tags", "metaStep.outputs.tags"],
    ["needs.build.result == 'success' && !cancelled()", 'and(eq(needs(buildJob).result, "success"), not(status.cancelled()))'],
    ["startsWith(github.ref, 'refs/tags/') || inputs.dry-run", 'or(startsWith(github.ref, "refs/tags/"), dispatch.inputs["dry-run"])'],
    ["format('{0}-{1}', matrix.os, needs.build.outputs.digest)", 'format("{0}-{1}", axes.os, needs(buildJob).outputs.digest)'],
    ["secrets.TOKEN", 'secret("TOKEN")'],
    ["hashFiles('**/package-lock.json')", 'hashFiles("**/package-lock.json")'],
  ];
  for (const [text, code] of cases) {
    const result = expressionCode(text, scope);
    assert.equal(result.raw, undefined, `${text}: ${result.raw}`);
    assert.equal(result.code, code);
  }
});

test("raw, with the reason: other spacing, redundant parentheses, untyped contexts, mismatched types", () => {
  const cases: [string, RegExp][] = [
    ["github.event_name=='push'", /the kit writes it as "github\.event_name == 'push'"/],
    ["(github.ref == 'x')", /redundant parentheses/],
    ["github.event.pull_request.draft", /is not a context or handle the kit types here/],
    ["matrix.os == 'windows-latest'", /a comparison of values of different types/],
    ["inputs.dry-run == 'true'", /a comparison of values of different types/],
    ["steps.meta.outputs.digest", /is not a context or handle the kit types here/],
    ["github.event.commits.*.message", /an index the kit does not type|is not a context/],
  ];
  for (const [text, reason] of cases) {
    const result = expressionCode(text, scope);
    assert.match(result.raw ?? "(typed)", reason, text);
    assert.equal(result.code, `raw(${JSON.stringify(text)})`);
  }
  assert.equal(expressionCode("github.ref", scope, "boolean").code, 'raw<boolean>("github.ref")', "a condition must be a boolean");
});

test("the importer's table of context types names only values the kit has", () => {
  for (const text of Object.keys(CONTEXT_TYPES)) assert.ok(NAMED_CONTEXTS.has(text), `${text} is a named context of the kit`);
  assert.equal(NAMED_CONTEXTS.get("github.event_name")?.code, "github.eventName");
  assert.equal(NAMED_CONTEXTS.get("job.status")?.code, "currentJob.status");
});
