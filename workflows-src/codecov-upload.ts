/**
 * `.github/workflows/codecov-upload.yml`: backend (Go) and frontend coverage, each
 * measured and uploaded to Codecov by its own job, on pull requests, pushes to main and
 * on demand (a manual run may skip either part).
 *
 * The backend tests need an encryption key. Pull requests run with `pull_request`, never
 * `pull_request_target`: the repository's key reaches only trusted runs (pushes, manual
 * runs, pull requests from a branch of the repository), while forks and Dependabot get a
 * throw-away key made for the run (`shared/resolve-encryption-key.sh`).
 */
import { codecovCodecovAction, envVar, github, job, scriptStep, secret, tpl, workflow, workflowDispatch, type BuiltWorkflow } from "./kit/index.ts";
import { coverageInputs, coverageRun, partEnabled, testOutputUpload } from "./shared/charon-coverage.ts";
import { resolveTestEncryptionKey } from "./shared/test-encryption-key.ts";
import { checkout } from "./shared/checkout.ts";
import { setupBackendGo, setupFrontendNode } from "./shared/charon-toolchains.ts";

const dispatch = workflowDispatch({ inputs: coverageInputs });

/** The commit that triggered the run, with its whole history (Codecov compares against the base). */
const checkoutForCoverage = () => checkout({ history: 0, ref: github.sha });

const backendCodecov = job("backend-codecov", {}, () => ({
  name: "Backend Codecov Upload",
  if: partEnabled(dispatch.inputs.run_backend),
  "runs-on": "ubuntu-latest",
  "timeout-minutes": 15,
  // The uploads authenticate with CODECOV_TOKEN; the workflow token only reads the code.
  permissions: { contents: "read" },
  steps: [
    checkoutForCoverage(),
    setupBackendGo(envVar("GO_VERSION")),
    resolveTestEncryptionKey(),
    scriptStep({ name: "Install gotestsum", run: "go install gotest.tools/gotestsum@v1.13.0" }),
    coverageRun("backend"),
    testOutputUpload("backend"),
    codecovCodecovAction({
      name: "Upload backend coverage to Codecov",
      with: { token: secret("CODECOV_TOKEN"), files: "./backend/coverage.txt", flags: "backend", fail_ci_if_error: true },
    }),
  ],
}));

const frontendCodecov = job("frontend-codecov", {}, () => ({
  name: "Frontend Codecov Upload",
  if: partEnabled(dispatch.inputs.run_frontend),
  "runs-on": "ubuntu-latest",
  "timeout-minutes": 15,
  permissions: { contents: "read" },
  steps: [
    checkoutForCoverage(),
    setupFrontendNode(envVar("NODE_VERSION")),
    scriptStep({ name: "Install dependencies", "working-directory": "frontend", run: "npm ci" }),
    coverageRun("frontend"),
    codecovCodecovAction({
      name: "Upload frontend coverage to Codecov",
      with: { token: secret("CODECOV_TOKEN"), directory: "./frontend/coverage", flags: "frontend", fail_ci_if_error: true },
    }),
  ],
}));

/** Builds the coverage upload workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Upload Coverage to Codecov",
    on: { pull_request: null, push: { branches: ["main"] }, workflow_dispatch: dispatch },
    permissions: {},
    env: { GO_VERSION: "1.26.1", NODE_VERSION: "24.12.0", GOTOOLCHAIN: "auto" },
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": true },
    jobs: [backendCodecov, frontendCodecov],
  });
}
