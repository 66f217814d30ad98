/**
 * `.github/workflows/dry-run-history-rewrite.yml`: previews, without rewriting
 * anything, what a history rewrite that strips the CodeQL databases and large blobs
 * would do — on pull requests, nightly and on demand.
 */
import { github, job, scriptStep, tpl, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const previewHistory = job("preview-history", {}, () => ({
  name: "Dry-run preview for history rewrite",
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  steps: [
    // The whole history: the preview walks every commit.
    checkout({ name: "Checkout repository", history: 0 }),
    scriptStep({ name: "Debug git info", run: "git --version\ngit rev-parse --is-shallow-repository || true\ngit status --porcelain\n" }),
    scriptStep({ name: "Make CI script executable", run: "chmod +x scripts/ci/dry_run_history_rewrite.sh" }),
    scriptStep({
      name: "Run dry-run history check",
      run: "scripts/ci/dry_run_history_rewrite.sh --paths 'backend/codeql-db,codeql-db,codeql-db-js,codeql-db-go' --strip-size 50\n",
    }),
  ],
}));

/** Builds the history-rewrite preview workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "History Rewrite Dry-Run",
    on: {
      pull_request: { types: ["opened", "synchronize", "reopened"] },
      // Daily at 02:00 UTC.
      schedule: [{ cron: "0 2 * * *" }],
      workflow_dispatch: null,
    },
    permissions: {},
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": true },
    jobs: [previewHistory],
  });
}
