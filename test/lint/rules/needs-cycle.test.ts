import { test } from "node:test";
import assert from "node:assert/strict";
import { needsCycle } from "../../../scripts/lint/rules/needs-cycle.ts";
import { lintText } from "../lint-text.ts";

const job = (id: string, needs: string) => `  ${id}:\n    runs-on: ubuntu-latest\n${needs ? `    needs: [${needs}]\n` : ""}    steps:\n      - run: echo\n`;

test("flags a cycle once, naming every job in it", () => {
  const findings = lintText(`on: push\njobs:\n${job("a", "c")}${job("b", "a")}${job("c", "b")}${job("d", "a")}`, [needsCycle]);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.rule, "needs-cycle");
  for (const id of ['"a"', '"b"', '"c"']) assert.ok(findings[0]?.message.includes(id));
});

test("flags a job that needs itself", () => {
  const findings = lintText(`on: push\njobs:\n${job("a", "a")}`, [needsCycle]);
  assert.deepEqual(findings.map((f) => f.path), ["jobs.a.needs"]);
});

test("accepts a diamond", () => {
  assert.deepEqual(lintText(`on: push\njobs:\n${job("a", "")}${job("b", "a")}${job("c", "a")}${job("d", "b, c")}`, [needsCycle]), []);
});
