/**
 * The Caddy compatibility gate, shared by `caddy-compat.yml` and `caddy-pr1-compat.yml`:
 * on pull requests that touch the Caddy build (and on demand) it runs the compatibility
 * matrix of a candidate Caddy version on both platforms and keeps the results and the
 * report as an artifact. The two workflows differ only in their names, the report they
 * write and whether Go's cache is keyed on the backend's `go.sum`.
 */
import { actionsSetupGo, actionsUploadArtifact, dockerSetupBuildxAction, dockerSetupQemuAction, emittedWorkflowPath, github, job, lines, orElse, scriptFile, scriptStep, status, tpl, workflow, type BuiltWorkflow } from "../kit/index.ts";
import { checkout } from "../shared/checkout.ts";

/** What one gate workflow names and writes. */
export interface GateVariant {
  /** The workflow's display name. */
  readonly name: string;
  /** The markdown report the matrix writes (kept in the artifact). */
  readonly report: string;
  readonly artifact: string;
  /** Key Go's module cache on `backend/go.sum` (setup-go's default is the root's `go.sum`). */
  readonly backendGoCache: boolean;
}

/**
 * Builds one variant of the gate.
 * @param moduleUrl `import.meta.url` of the workflow module, which names the output file (among the paths that trigger it)
 */
export function compatibilityGate(moduleUrl: string, variant: GateVariant): BuiltWorkflow {
  const compatibilityMatrix = job("compatibility-matrix", {}, () => ({
    name: "PR-1 Compatibility Matrix (Candidate)",
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read" },
    "timeout-minutes": 90,
    steps: [
      checkout({ name: "Checkout repository" }),
      actionsSetupGo({ name: "Set up Go", with: { "go-version": "1.26.0", ...(variant.backendGoCache ? { "cache-dependency-path": "backend/go.sum" } : {}) } }),
      dockerSetupQemuAction({ name: "Set up QEMU" }),
      dockerSetupBuildxAction({ name: "Set up Docker Buildx" }),
      scriptStep({
        name: "Run deterministic compatibility matrix gate",
        env: { DOCS_REPORT: variant.report },
        run: scriptFile(import.meta.url, "./run-matrix.sh"),
      }),
      actionsUploadArtifact({
        name: "Upload compatibility artifacts",
        if: status.always(),
        with: { name: variant.artifact, path: lines("test-results/caddy-compat/**", variant.report), "retention-days": 14 },
      }),
    ],
  }));

  return workflow(moduleUrl, {
    name: variant.name,
    on: {
      pull_request: { paths: ["Dockerfile", "scripts/caddy-compat-matrix.sh", "docs/plans/current_spec.md", emittedWorkflowPath(moduleUrl)] },
      workflow_dispatch: null,
    },
    permissions: {},
    // One run per pull request (or per ref for a manual run); a newer push cancels the older run.
    concurrency: { group: tpl`${github.workflow}-${orElse<number | string>(github.event.pullRequest.number, github.ref)}`, "cancel-in-progress": true },
    jobs: [compatibilityMatrix],
  });
}
