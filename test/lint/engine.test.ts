/** The engine: every rule's findings at once, sorted, with lines and TypeScript sources; a rule that throws does not hide the others. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseWorkflowDocument } from "../../scripts/lint/document.ts";
import { lint } from "../../scripts/lint/engine.ts";
import { formatFinding } from "../../scripts/lint/format.ts";
import type { Rule } from "../../scripts/lint/rule.ts";
// The rules read scripts as they ask for them: the parser is loaded (remembered-scripts.ts).
import "../../scripts/shell/read-shell.ts";

const text = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo one\n      - run: echo two\n";
// Catalogue fields a rule may carry besides these are spread in, so the stand-in fits any version of Rule.
const documented = { examples: { failing: "", passing: "" } };
const rule = (id: string, check: Rule["check"]): Rule => ({ id, severity: "error", what: "test rule", why: "test rule", check, ...documented });

test("findings come sorted by file and line, with the source of the nearest built object", () => {
  const document = parseWorkflowDocument("w.yml", text, { sources: new Map([["jobs.a.steps[1]", "workflows-src/w.ts:12"]]) });
  const findings = lint([document], [
    rule("late", (_, report) => report("jobs.a.steps[1].run", "second")),
    rule("early", (_, report) => report("jobs.a.steps[0].run", "first")),
  ]);
  assert.deepEqual(findings.map((f) => [f.rule, f.line, f.source]), [["early", 6, undefined], ["late", 7, "workflows-src/w.ts:12"]]);
});

test("a rule that throws becomes a finding of that rule, and the other rules still report", () => {
  const findings = lint([parseWorkflowDocument("w.yml", text)], [
    rule("broken", () => {
      throw new Error("boom");
    }),
    rule("fine", (_, report) => report("jobs.a", "found")),
  ]);
  assert.deepEqual(findings.map((f) => f.rule).sort(), ["broken", "fine"]);
  assert.match(findings.find((f) => f.rule === "broken")?.message ?? "", /boom/);
});

test("a fix in the kit's terms is kept for a workflow the project emits, and printed instead of the YAML one", () => {
  const kitRule = rule("kit", (_, report) => report("jobs.a.steps[0].run", "problem; YAML fix", "problem; kit fix"));
  const [emitted] = lint([parseWorkflowDocument("w.yml", text, { emitted: true, sources: new Map([["jobs.a", "workflows-src/w.ts:3"]]) })], [kitRule]);
  assert.equal(emitted?.kitMessage, "problem; kit fix");
  assert.equal(emitted?.message, "problem; YAML fix");
  assert.match(formatFinding(emitted!), /problem; kit fix \[kit\]\n {2}built at workflows-src\/w\.ts:3$/);
  const [named] = lint([parseWorkflowDocument("w.yml", text)], [kitRule]);
  assert.equal(named?.kitMessage, undefined, "a file someone names is not built by the kit");
  assert.match(formatFinding(named!), /problem; YAML fix \[kit\]$/);
});
