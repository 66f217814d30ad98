import { test } from "node:test";
import assert from "node:assert/strict";
import { failOpenGate } from "../../../scripts/lint/rules/fail-open-gate.ts";
import { lintText, oneJob, where } from "../lint-text.ts";


test("a jq or wc result that falls back to zero is reported", () => {
  const text = oneJob(`      - id: scan
        run: |
          CRITICAL=$(jq '[.matches[] | select(.vulnerability.severity == "Critical")] | length' grype.json 2>/dev/null || echo "0")
          HIGH="$(wc -l < high.txt || true)"
          echo "critical=$CRITICAL" >> "$GITHUB_OUTPUT"
`);
  const findings = lintText(text, [failOpenGate]);
  assert.deepEqual(where(findings), ["fail-open-gate@jobs.build.steps[0].run", "fail-open-gate@jobs.build.steps[0].run"]);
  assert.match(findings.map((f) => f.message).join("\n"), /failed "jq" into a zero "CRITICAL" \("\|\| echo "0""\)/);
  assert.match(findings.map((f) => f.message).join("\n"), /failed "wc" into a zero "HIGH" \("\|\| true"\)/);
});

test("grep with || true passes: its exit status 1 means no match, and grep -c still prints the count", () => {
  const text = oneJob(`      - run: |
          COUNT=$(grep -c "warning:" build.log || true)
          MATCHES="$(grep -o 'TODO' src/*.ts || true)"
          echo "count=$COUNT" >> "$GITHUB_OUTPUT"
`);
  assert.deepEqual(lintText(text, [failOpenGate]), []);
});

test("a zero default inside a comparison is reported", () => {
  const text = oneJob(`      - run: |
          if [ "\${CRITICAL_COUNT:-0}" -gt 0 ]; then
            exit 1
          fi
          if (( \${HIGH_COUNT:-0} > 5 )); then exit 1; fi
`);
  const findings = lintText(text, [failOpenGate]);
  assert.deepEqual(where(findings), ["fail-open-gate@jobs.build.steps[0].run", "fail-open-gate@jobs.build.steps[0].run"]);
  assert.match(findings[0]?.message ?? "", /\$\{CRITICAL_COUNT:-0\}/);
  assert.match(findings[1]?.message ?? "", /\$\{HIGH_COUNT:-0\}/);
});

test("continue-on-error on a step named as a gate, or on a threshold script, is reported", () => {
  const text = oneJob(`      - name: Check vulnerability threshold
        continue-on-error: true
        run: echo check
      - id: count
        continue-on-error: true
        run: |
          if [ "$CRITICAL" -gt 0 ]; then exit 1; fi
`);
  assert.deepEqual(where(lintText(text, [failOpenGate])), ["fail-open-gate@jobs.build.steps[0].continue-on-error", "fail-open-gate@jobs.build.steps[1].continue-on-error"]);
});

test("a strict count, a default used only for display, and a non-fatal report step pass", () => {
  const text = oneJob(`      - id: scan
        run: |
          set -euo pipefail
          CRITICAL=$(jq -e '.critical' counts.json)
          if [ "$CRITICAL" -gt 0 ]; then echo "blocked"; exit 1; fi
      - name: Summary
        run: echo "critical \${CRITICAL:-0}" >> "$GITHUB_STEP_SUMMARY"
      - name: Upload SARIF
        continue-on-error: true
        uses: github/codeql-action/upload-sarif@19b2f06db2b6f5108140aeb04014ef02b648f789 # v4.31.11
`);
  assert.deepEqual(lintText(text, [failOpenGate]), []);
});

test("a jq or yq alternative that yields zero, assigned to a variable, is reported", () => {
  const text = oneJob(`      - id: scan
        run: |
          CRITICAL=$(jq '.summary.critical // 0' counts.json)
          HIGH="$(yq ".summary.high // \\"0\\"" counts.yaml)"
          NAME=$(jq -r '.name // "none"' counts.json)
          TOTAL=$(jq '.total // 0.5' counts.json)
          jq '.summary.low // 0' counts.json
`);
  const findings = lintText(text, [failOpenGate]);
  assert.deepEqual(where(findings), ["fail-open-gate@jobs.build.steps[0].run", "fail-open-gate@jobs.build.steps[0].run"]);
  assert.match(findings[0]?.message ?? "", /zero in "jq" \("\/\/ 0"\), so "CRITICAL" is zero/);
  assert.match(findings[1]?.message ?? "", /zero in "yq" \("\/\/ "0""\), so "HIGH" is zero/);
});

test("a zero fallback written into a here-document is text, not a script line", () => {
  const text = oneJob(`      - run: |
          cat <<'EOF' > docs.md
          CRITICAL=$(jq '.critical' r.json || echo 0)
          EOF
`);
  assert.deepEqual(where(lintText(text, [failOpenGate])), []);
});
