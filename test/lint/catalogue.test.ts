import { test } from "node:test";
import assert from "node:assert/strict";
import { renderRuleCatalogue } from "../../scripts/lint/catalogue.ts";
import { rules } from "../../scripts/lint/registry.ts";
import { lintText } from "./lint-text.ts";

for (const rule of rules) {
  test(`the catalogue examples of "${rule.id}" do what they say`, () => {
    const failing = lintText(rule.examples.failing, [rule]);
    assert.ok(failing.length > 0, `the failing example of "${rule.id}" yields no finding`);
    assert.deepEqual(lintText(rule.examples.passing, [rule]), [], `the passing example of "${rule.id}" yields findings`);
  });
}

test("the catalogue is marked as generated and lists every rule once, in id order, whatever the registry order", () => {
  const page = renderRuleCatalogue(rules);
  const firstLine = page.split("\n")[0] ?? "";
  assert.match(firstLine, /Generated/);
  assert.match(firstLine, /npm run gen/);
  const headings = page.split("\n").filter((line) => line.startsWith("## ")).map((line) => line.slice(3));
  assert.deepEqual(headings, rules.map((r) => r.id).sort());
  assert.equal(renderRuleCatalogue([...rules].reverse()), page);
});

test("the catalogue shows each rule's severity, reasons and both examples", () => {
  const rule = rules[0];
  assert.ok(rule);
  const page = renderRuleCatalogue([rule]);
  const section = page.slice(page.indexOf(`## ${rule.id}`));
  for (const fact of [rule.severity, rule.what, rule.why, rule.examples.failing.trimEnd(), rule.examples.passing.trimEnd()]) {
    assert.ok(section.includes(fact), `the section of "${rule.id}" lacks ${JSON.stringify(fact.slice(0, 40))}`);
  }
});
