/**
 * Behaviour changes of a small workflow simulated for a pull request: the artifact it
 * uploads under another name, the comment it posts with other words, and a step that
 * now fails in a job that ran in both versions.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { behaviourChanges } from "../../scripts/review/behaviour.ts";

const FILE = ".github/workflows/report.yml";
const scenarios = [{ label: "PR #4", event: { event: "pull_request" as const, pr: 4 } }];

const report = (artifact: string, comment: string, check: string) => `on: pull_request
permissions: {}
jobs:
  report:
    runs-on: ubuntu-latest
    permissions:
      pull-requests: write
    steps:
      - name: Write the report
        run: |
          echo "REPORT_READY=1" >> "$GITHUB_ENV"
          echo "all good" > "$RUNNER_TEMP/report.txt"
      - name: Upload the report
        uses: actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f
        with:
          name: ${artifact}
          path: \${{ runner.temp }}/report.txt
      - name: Comment
        uses: actions/github-script@f28e40c7f34bde8b3046d885e986cb6290c5673b
        with:
          script: |
            await github.rest.issues.createComment({ issue_number: context.issue.number, body: "${comment}" });
      - name: Check
        run: |
          echo "CHECKED=1" >> "$GITHUB_ENV"
          ${check}
`;

test("the same workflow twice: no behaviour change", async () => {
  const text = report("report", "Report ready", "true");
  assert.deepEqual(await behaviourChanges(FILE, text, text, scenarios), { behaviour: [], notes: [] });
});

test("another artifact name, other words, a failing step: each reported for the scenario", async () => {
  const { behaviour, notes } = await behaviourChanges(FILE, report("report", "Report ready", "true"), report("report-v2", "Report is ready", "exit 3"), scenarios);
  assert.deepEqual(notes, []);
  assert.deepEqual(behaviour, [
    { scenario: "PR #4", job: "report", before: "success", after: "failure", what: "result" },
    { scenario: "PR #4", job: "report", before: "report (report.txt)", after: null, what: "artifacts" },
    { scenario: "PR #4", job: "report", before: null, after: "report-v2 (report.txt)", what: "artifacts" },
    { scenario: "PR #4", job: "report", before: ["Report ready"], after: ["Report is ready"], what: "comments" },
  ]);
});

test("a step whose result changed in a job that ran in both versions", async () => {
  const before = report("report", "Report ready", "true");
  const after = before.replace("      - name: Check\n", "      - name: Check\n        continue-on-error: true\n").replace("          true\n", "          exit 3\n");
  const { behaviour } = await behaviourChanges(FILE, before, after, scenarios);
  assert.deepEqual(behaviour, [{ scenario: "PR #4", job: "report", step: "Check", before: "success", after: "failure", what: "result" }]);
});
