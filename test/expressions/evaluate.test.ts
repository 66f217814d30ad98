/**
 * The evaluator is given only the contexts an expression names, found by their name
 * in any case, as GitHub finds them; a context converted once answers as the plain one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { convertedContext, evaluateCondition, evaluateExpression } from "../../scripts/expressions/evaluate.ts";

const ok = { failed: false, cancelled: false };

test("a context is found by its name in any case, inside functions and indexes too", () => {
  const contexts = { github: { event_name: "push", event: { pull_request: { labels: [{ name: "ci" }] } } }, env: { WHICH: "event_name" } };
  assert.equal(evaluateCondition("GitHub.EVENT_NAME == 'push'", contexts, ok), true);
  assert.equal(evaluateExpression("github[env.WHICH]", contexts).coerceString(), "push");
  assert.equal(evaluateExpression("contains(toJSON(github.event.pull_request.labels.*.name), 'ci')", contexts).coerceString(), "true");
  assert.equal(evaluateCondition("env.MISSING == ''", contexts, ok), true);
});

test("contexts the expression does not name are not converted", () => {
  // A BigInt cannot be converted: reading this context fails, and only reading it.
  const contexts = { github: { ref: "refs/heads/main" }, vars: { unconvertible: 1n } };
  assert.equal(evaluateCondition("github.ref == 'refs/heads/main'", contexts, ok), true);
  assert.equal(evaluateCondition("success()", contexts, ok), true);
  assert.throws(() => evaluateCondition("vars.unconvertible == 1", contexts, ok), /BigInt/);
});

test("a context converted once evaluates as the plain object does", () => {
  const github = { event_name: "pull_request", event: { pull_request: { number: 7, labels: [{ name: "ci" }] } } };
  for (const expression of ["github.event.pull_request.number", "GITHUB.event.pull_request.labels.*.name", "toJSON(github.event)", "github.event.missing", "github"]) {
    assert.equal(evaluateExpression(expression, { github: convertedContext(github) }).coerceString(), evaluateExpression(expression, { github }).coerceString(), expression);
  }
  assert.equal(evaluateExpression("toJSON(github.event.pull_request.labels)", { github: convertedContext(github) }).coerceString(), JSON.stringify(github.event.pull_request.labels, null, 2));
});
