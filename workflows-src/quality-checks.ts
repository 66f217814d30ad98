/**
 * `.github/workflows/quality-checks.yml`: on pushes and pull requests, the backend's
 * repository health check, Go tests (with a summary of the result), golangci-lint and
 * performance assertions; and the frontend's tests, run only when a pull request
 * changes `frontend/` (always on a push), with a summary and a lint. The linters
 * report without failing the run.
 */
import { eq, github, golangciGolangciLintAction, job, or, scriptFile, scriptStep, status, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { setupBackendGo, setupFrontendNode } from "./shared/charon-toolchains.ts";
import { backendPerfAsserts } from "./shared/backend-perf-asserts.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./quality-checks/${file}`);

const repoHealthCheck = () => scriptStep({ name: "Repo health check", run: "bash scripts/repo_health_check.sh\n" });

const backendQuality = job("backend-quality", {}, () => {
  const goTests = scriptStep({
    name: "Run Go tests",
    id: "go-tests",
    "working-directory": github.workspace,
    env: { CGO_ENABLED: 1 },
    run: "bash scripts/go-test-coverage.sh 2>&1 | tee backend/test-output.txt\nexit ${PIPESTATUS[0]}\n",
  });
  return {
    name: "Backend (Go)",
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read" },
    steps: [
      checkout({ name: unnamed }),
      setupBackendGo("1.25.5"),
      repoHealthCheck(),
      goTests,
      scriptStep({ name: "Go Test Summary", if: status.always(), "working-directory": "backend", env: { TESTS_OUTCOME: goTests.outcome }, run: script("go-test-summary.sh") }),
      // Coverage goes to Codecov from codecov-upload.yml.
      golangciGolangciLintAction({ name: "Run golangci-lint", "continue-on-error": true, with: { version: "latest", "working-directory": "backend", args: "--timeout=5m" } }),
      backendPerfAsserts(),
    ],
  };
});

const frontendQuality = job("frontend-quality", {}, () => {
  // Compares the pull request with its base branch, which the full history includes.
  const checkFrontend = scriptStep({ name: "Check if frontend was modified in PR", id: "check-frontend", outputs: ["frontend_changed"], run: script("check-frontend-changed.sh") });
  const frontendRuns = or(eq(github.eventName, "push"), eq(checkFrontend.outputs.frontend_changed, "true"));
  const frontendTests = scriptStep({
    name: "Run frontend tests and coverage",
    id: "frontend-tests",
    if: frontendRuns,
    "working-directory": github.workspace,
    run: "bash scripts/frontend-test-coverage.sh 2>&1 | tee frontend/test-output.txt\nexit ${PIPESTATUS[0]}\n",
  });
  return {
    name: "Frontend (React)",
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read" },
    steps: [
      checkout({ history: 0, name: unnamed }),
      repoHealthCheck(),
      setupFrontendNode("24.11.1"),
      checkFrontend,
      scriptStep({ name: "Install dependencies", if: frontendRuns, "working-directory": "frontend", run: "npm ci" }),
      frontendTests,
      scriptStep({ name: "Frontend Test Summary", if: status.always(), "working-directory": "frontend", env: { TESTS_OUTCOME: frontendTests.outcome }, run: script("frontend-test-summary.sh") }),
      scriptStep({ name: "Run frontend lint", "continue-on-error": true, "working-directory": "frontend", run: "npm run lint" }),
    ],
  };
});

/** Builds the quality checks workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Quality Checks",
    on: {
      push: { branches: ["main", "development", "feature/**"] },
      pull_request: { branches: ["main", "development"] },
    },
    permissions: {},
    jobs: [backendQuality, frontendQuality],
  });
}
