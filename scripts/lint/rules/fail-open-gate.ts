/**
 * fail-open-gate: a result that reads as zero when missing or broken (`$(jq … || echo 0)`,
 * `$(jq '.n // 0' …)`, `|| true`, `${N:-0}` compared), or a gate step with `continue-on-error: true`, lets a failed
 * scan pass. Heuristic, by tokenising: a gate's id/name says gate/check/verify/enforce/threshold,
 * or its script exits non-zero after a numeric test. Anchor: Charon's scan step (`jq … || echo 0`).
 */
import { commandsOf, everyScript, type ShellCommand, type ShellScript } from "../../shell/shell-script.ts";
import type { Rule } from "../rule.ts";
import { runScriptOf } from "../run-script.ts";
import { allSteps, type StepEntry, stepLabel } from "../walk.ts";

/** Commands whose failure means a missing or unreadable result. Not grep: its exit 1 means "no match" (`grep -c` still prints 0). */
const VALUE_COMMANDS = new Set(["jq", "yq", "awk", "sed", "wc", "cut", "head", "tail", "cat"]);
const COMPARISONS = new Set(["-gt", "-ge", "-lt", "-le", "-eq", "-ne", ">", "<", ">=", "<=", "==", "!="]);
const TESTS = new Set(["[", "[[", "test", "(("]);
const GATE_WORDS = /\b(gate|check|checks|verify|enforce|threshold)\b/i;
/** Parameter expansion operators that give a default when the variable is unset or empty. */
const DEFAULTING = new Set([":-", "-", ":="]);
/** jq's (and yq's) alternative operator with a zero (`// 0`, `// "0"`) in a filter word: a missing value reads as zero. */
const FILTER_ZERO_ALTERNATIVE = /\/\/\s*(?:0|\\?"0\\?")(?![\d.])/;
const FILTER_COMMANDS = new Set(["jq", "yq"]);
/** What every zero default holds: a `|| true` (`|| :`, `|| echo 0`) fallback, a filter's `// 0`, or a `…0}` expansion. */
const ZERO_DEFAULT_SYNTAX = [/\|\|\s*(?:[{(]\s*)?(?:true|:|echo\s+0|printf\s+0)|\/\/\s*0|0\}/];

export const failOpenGate: Rule = {
  id: "fail-open-gate",
  severity: "warning",
  documents: ["workflow", "action"],
  what: "a script that turns a missing or unparsable result into zero (`$(jq … || echo 0)`, `N=$(jq '.n // 0' …)`, `|| true`, `${N:-0}` in a comparison), or a gate step with `continue-on-error: true`",
  why: "a broken or missing scan report then reads as zero findings and the gate passes; a security check must fail closed",
  examples: {
    failing: `on: pull_request
permissions: {}
jobs:
  scan:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - name: Gate on critical vulnerabilities
        run: |
          CRITICAL=$(jq '[.matches[] | select(.vulnerability.severity == "Critical")] | length' grype.json || echo "0")
          if [ "$CRITICAL" -gt 0 ]; then exit 1; fi
`,
    passing: `on: pull_request
permissions: {}
jobs:
  scan:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - name: Gate on critical vulnerabilities
        run: |
          set -euo pipefail
          CRITICAL=$(jq -e '[.matches[] | select(.vulnerability.severity == "Critical")] | length' grype.json)
          if [ "$CRITICAL" -gt 0 ]; then exit 1; fi
`,
  },
  check(document, report) {
    for (const entry of allSteps(document.workflow)) {
      const soft = entry.step["continue-on-error"];
      const softened = soft === true || soft === "true";
      // A softened step is read whole, to tell whether it is a gate; other scripts only if they hold a zero default.
      const script = runScriptOf(document.workflow, entry, softened ? undefined : ZERO_DEFAULT_SYNTAX);
      if (script) {
        for (const problem of zeroDefaults(script)) report(`${entry.path}.run`, `step "${stepLabel(entry)}" ${problem}; let a missing or unparsable result fail the step (no fallback, "set -euo pipefail", "jq -e")`);
      }
      if (softened && isGate(entry, script)) {
        report(`${entry.path}.continue-on-error`, `step "${stepLabel(entry)}" is a gate with "continue-on-error: true", so its failure passes; remove "continue-on-error" (make only reporting steps non-fatal)`);
      }
    }
  },
};

/** Each way a script defaults a result to zero, as message text. */
function zeroDefaults(script: ShellScript): string[] {
  const problems: string[] = [];
  for (const command of everyScript(script).flatMap(commandsOf)) {
    const assigned = command.assignments[0]?.name;
    for (const substitution of command.substitutions) {
      if (substitution.opener === "<(" || substitution.opener === ">(") continue;
      const pipelines = substitution.script.pipelines;
      if (assigned) {
        for (const filter of pipelines.flatMap((p) => p.commands).filter((c) => FILTER_COMMANDS.has(c.name ?? ""))) {
          const zero = filter.words.slice(1).map((word) => FILTER_ZERO_ALTERNATIVE.exec(word.value)?.[0]).find((found) => found !== undefined);
          if (zero) problems.push(`reads a missing value as zero in "${filter.name}" ("${zero.replaceAll("\\", "")}"), so "${assigned}" is zero when the report lacks it`);
        }
      }
      pipelines.forEach((pipeline, index) => {
        const only = pipeline.commands.length === 1 ? pipeline.commands[0] : undefined;
        if (pipeline.joinedBy !== "||" || !only || !isZeroFallback(only)) return;
        const producer = pipelines.slice(0, index).flatMap((p) => p.commands.map((c) => c.name)).find((n) => n !== undefined && VALUE_COMMANDS.has(n));
        if (producer) problems.push(`turns a failed "${producer}" into a zero ${assigned ? `"${assigned}"` : "result"} ("|| ${only.text}")`);
      });
    }
    const zero = command.expansions.find((e) => e.operator !== undefined && DEFAULTING.has(e.operator) && e.operand === "0");
    if (zero && (TESTS.has(command.name ?? "") || command.words.some((w) => COMPARISONS.has(w.value)))) {
      problems.push(`compares "\${${zero.name}${zero.operator}0}", which reads a missing result as zero`);
    }
  }
  return problems;
}

function isZeroFallback(command: ShellCommand): boolean {
  const words = command.words.map((w) => w.value);
  if (words.length === 1) return words[0] === "true" || words[0] === ":";
  return words.length === 2 && (words[0] === "echo" || words[0] === "printf") && words[1] === "0";
}

function isGate(entry: StepEntry, script: ShellScript | undefined): boolean {
  const name = entry.step["name"];
  if (GATE_WORDS.test(`${entry.id ?? ""} ${typeof name === "string" ? name : ""}`.replaceAll(/[-_]/g, " "))) return true;
  if (!script) return false;
  const commands = everyScript(script).flatMap(commandsOf).map((c) => c.words.map((w) => w.value));
  return commands.some((w) => w[0] === "exit" && w[1] !== undefined && w[1] !== "0") && commands.some((w) => TESTS.has(w[0] ?? "") || w.some((x) => COMPARISONS.has(x)));
}
