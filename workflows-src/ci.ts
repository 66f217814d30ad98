/**
 * `.github/workflows/ci.yml`: lint, test (with coverage to Codecov) and build the Go
 * backend and the frontend on pushes and pull requests of the main branches. Each side
 * lints first and tests or builds only when its lint passed.
 */
import { actionsCache, actionsSetupGoV5, actionsSetupNodeV4, codecovCodecovActionV4, golangciGolangciLintActionV6, hashFiles, job, runner, scriptStep, secret, tpl, unnamed, workflow, type BuiltWorkflow, type StepHandle } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const checkoutStep = (): StepHandle => checkout({ name: unnamed, release: "v4" });
const setUpGo = (): StepHandle => actionsSetupGoV5({ name: "Set up Go", with: { "go-version": "1.22" } });

/** The frontend's toolchain and packages, the node modules cached by the lock file's digest. */
function frontendSetup(): StepHandle[] {
  return [
    checkoutStep(),
    actionsSetupNodeV4({ name: "Set up Node", with: { "node-version": "20" } }),
    actionsCache({
      name: "Cache node modules",
      with: { path: ["frontend/node_modules"], key: tpl`${runner.os}-node-${hashFiles("**/package-lock.json")}`, "restore-keys": [tpl`${runner.os}-node-`] },
    }),
    scriptStep({ name: "Install dependencies", "working-directory": "frontend", run: "npm ci" }),
  ];
}

const backendLint = job("backend-lint", {}, () => ({
  name: "Backend - Go Lint",
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  steps: [checkoutStep(), setUpGo(), golangciGolangciLintActionV6({ name: "golangci-lint", with: { version: "latest", "working-directory": "backend" } })],
}));

const backendTest = job("backend-test", { needs: [backendLint] }, () => ({
  name: "Backend - Go Tests",
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  steps: [
    checkoutStep(),
    setUpGo(),
    actionsCache({ name: "Cache Go modules", with: { path: ["~/go/pkg/mod"], key: tpl`${runner.os}-go-${hashFiles("**/go.sum")}`, "restore-keys": [tpl`${runner.os}-go-`] } }),
    scriptStep({ name: "Run tests", "working-directory": "backend", run: "go test -v -race -coverprofile=coverage.out ./..." }),
    codecovCodecovActionV4({ name: "Upload coverage to Codecov", env: { GITHUB_TOKEN: secret("GITHUB_TOKEN") }, with: { file: "backend/coverage.out", flags: "backend" } }),
  ],
}));

const frontendLint = job("frontend-lint", {}, () => ({
  name: "Frontend - ESLint",
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  steps: [...frontendSetup(), scriptStep({ name: "Run ESLint", "working-directory": "frontend", run: "npm run lint" })],
}));

const frontendBuild = job("frontend-build", { needs: [frontendLint] }, () => ({
  name: "Frontend - Build",
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  steps: [...frontendSetup(), scriptStep({ name: "Build frontend", "working-directory": "frontend", run: "npm run build" })],
}));

/** Builds the CI workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "CI - Lint, Test & Coverage",
    on: {
      push: { branches: ["main", "development", "feature/**"] },
      pull_request: { branches: ["main", "development"] },
    },
    permissions: {},
    jobs: [backendLint, backendTest, frontendLint, frontendBuild],
  });
}
