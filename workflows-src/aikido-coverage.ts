/**
 * `.github/workflows/aikido-coverage.yml`: measures the test coverage of the backend,
 * the frontend and the agent (each can be left out of a manual run), converts it to
 * LCOV, and uploads it to Aikido once per commit, after every enabled part succeeded.
 * Aikido authenticates with the OIDC token, which pull requests from forks and from
 * Dependabot do not get: those runs skip the upload.
 */
import {
  actionsDownloadArtifactV8,
  actionsSetupGoV7,
  actionsUploadArtifactV7,
  aikidoSecCodeCoverageGithubAction,
  and,
  envVar,
  eq,
  event,
  github,
  job,
  ne,
  not,
  or,
  scriptFile,
  scriptStep,
  secret,
  status,
  tpl,
  workflow,
  workflowDispatch,
  type BuiltWorkflow,
  type StepHandle,
} from "./kit/index.ts";
import { resolveTestEncryptionKey } from "./shared/test-encryption-key.ts";
import { coverageInputs, coverageRun, partEnabled, testOutputUpload } from "./shared/charon-coverage.ts";
import { setupFrontendNode } from "./shared/charon-toolchains.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./aikido-coverage/${file}`);

const dispatch = workflowDispatch({
  inputs: {
    ...coverageInputs,
    run_agent: { description: "Run agent coverage upload", required: false, default: true, type: "boolean" },
  },
});

/** The LCOV reports travel as artifacts named `coverage-<part>`; the upload job downloads them all by this pattern. */
const coverageArtifact = (part: string): string => `coverage-${part}`;
const everyCoverageArtifact = coverageArtifact("*");

/** The commit under test, with its whole history (the coverage scripts read it). */
const checkoutCommit = (): StepHandle => checkout({ ref: github.sha, history: 0, release: "v7" });

/** `go install` of a tool, tried three times (the module proxy fails now and then). */
function goInstall(name: string, goPackage: string, tool: string): StepHandle {
  return scriptStep({ name, env: { GO_PACKAGE: goPackage, TOOL: tool }, run: script("go-install.sh") });
}

/**
 * Go's coverage profile as LCOV (Aikido reads LCOV or Cobertura only), converted in the
 * module's folder so that its source paths are relative to the repository.
 */
function lcovOfGo(part: string): StepHandle[] {
  return [
    goInstall("Install gcov2lcov", "github.com/jandelgado/gcov2lcov@v1.1.1", "gcov2lcov"),
    scriptStep({ name: `Convert ${part} coverage to LCOV`, "working-directory": part, run: `gcov2lcov -infile coverage.txt -outfile ${part}.lcov` }),
    actionsUploadArtifactV7({ name: `Upload ${part} coverage artifact`, with: { name: coverageArtifact(part), path: `${part}/${part}.lcov`, "retention-days": 7 } }),
  ];
}

const backendCoverage = job("backend-coverage", {}, () => ({
  name: "Backend Coverage",
  if: partEnabled(dispatch.inputs.run_backend),
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  "timeout-minutes": 15,
  steps: [
    checkoutCommit(),
    actionsSetupGoV7({ name: "Set up Go", with: { "go-version-file": "backend/go.mod", "cache-dependency-path": "backend/go.sum" } }),
    // The backend's tests need an encryption key. The trigger stays pull_request (not
    // pull_request_target): code from forks and Dependabot gets a throw-away key, and
    // only trusted runs get the secret.
    resolveTestEncryptionKey(),
    goInstall("Install gotestsum", "gotest.tools/gotestsum@v1.13.0", "gotest.tools/gotestsum"),
    coverageRun("backend"),
    testOutputUpload("backend"),
    ...lcovOfGo("backend"),
  ],
}));

const frontendCoverage = job("frontend-coverage", {}, () => ({
  name: "Frontend Coverage",
  if: partEnabled(dispatch.inputs.run_frontend),
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  "timeout-minutes": 15,
  steps: [
    checkoutCommit(),
    setupFrontendNode(envVar("NODE_VERSION"), "v7"),
    scriptStep({ name: "Install dependencies", "working-directory": "frontend", run: "npm ci --ignore-scripts" }),
    coverageRun("frontend"),
    // Aikido tells the report's format by the file name.
    scriptStep({ name: "Rename frontend LCOV report", run: "cp frontend/coverage/lcov.info frontend/coverage/frontend.lcov" }),
    actionsUploadArtifactV7({ name: "Upload frontend coverage artifact", with: { name: coverageArtifact("frontend"), path: "frontend/coverage/frontend.lcov", "retention-days": 7 } }),
  ],
}));

const agentCoverage = job("agent-coverage", {}, () => ({
  name: "Agent Coverage",
  if: partEnabled(dispatch.inputs.run_agent),
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  "timeout-minutes": 15,
  // Unlike the backend: no encryption key (the agent's tests do not use one) and no cgo
  // (the agent's image is built with CGO_ENABLED=0).
  steps: [
    checkoutCommit(),
    actionsSetupGoV7({ name: "Set up Go", with: { "go-version-file": "agent/go.mod", "cache-dependency-path": "agent/go.sum" } }),
    coverageRun("agent"),
    testOutputUpload("agent"),
    ...lcovOfGo("agent"),
  ],
}));

// One upload per commit: Aikido merges the parts itself, so an upload per part would
// send partial coverage and could race. A part left out of a manual run is skipped,
// which neither cancels nor fails the upload.
const uploadAikido = job("upload-aikido", { needs: [backendCoverage, frontendCoverage, agentCoverage] }, () => ({
  name: "Upload Coverage to Aikido",
  if: and(
    not(status.cancelled()),
    not(status.failure()),
    or(ne(github.eventName, "pull_request"), and(eq(github.event.pullRequest.headRepoFullName, github.repository), ne(github.actor, "dependabot[bot]"))),
  ),
  "runs-on": "ubuntu-latest",
  "timeout-minutes": 10,
  // The OIDC token is Aikido's authentication (no secret).
  permissions: { contents: "read", "id-token": "write" },
  steps: [
    checkout({ ref: github.sha, release: "v7" }),
    actionsDownloadArtifactV8({ name: "Download coverage reports", with: { pattern: everyCoverageArtifact, path: "coverage-reports", "merge-multiple": true } }),
    aikidoSecCodeCoverageGithubAction({ name: "Upload coverage to Aikido", with: { "file-paths": "coverage-reports/*.lcov" } }),
  ],
}));

/** Builds the Aikido coverage workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Upload Coverage to Aikido",
    on: { pull_request: null, push: { branches: ["main"] }, workflow_dispatch: dispatch },
    permissions: {},
    env: { GO_VERSION: "1.27.1", NODE_VERSION: "24.21.0", GOTOOLCHAIN: "auto" },
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": true },
    jobs: [backendCoverage, frontendCoverage, agentCoverage, uploadAikido],
  });
}
