/**
 * `.github/workflows/benchmark.yml`: the backend's Go benchmarks on every change to
 * `backend/`, then its performance assertions (TestPerf) against fixed latency limits.
 * On pushes to main the results are also stored on the gh-pages branch, with a commit
 * comment when a benchmark regresses past 175%; pull requests only run them.
 */
import { and, benchmarkActionGithubActionBenchmark, envVar, eq, github, job, scriptStep, secret, tpl, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { backendPerfAsserts } from "./shared/backend-perf-asserts.ts";
import { checkout } from "./shared/checkout.ts";
import { setupBackendGo } from "./shared/charon-toolchains.ts";

const benchmark = job("benchmark", {}, () => ({
  name: "Performance Regression Check",
  "runs-on": "ubuntu-latest",
  // Storing results pushes to gh-pages and comments on commits (only on main, see the step's if:).
  permissions: { contents: "write", deployments: "write" },
  steps: [
    // The benchmark action pushes with its github-token input, not with the checkout's credentials.
    checkout({ name: unnamed }),
    setupBackendGo(envVar("GO_VERSION")),
    scriptStep({ name: "Run Benchmark", "working-directory": "backend", run: "go test -bench=. -benchmem -run='^$' ./... | tee output.txt" }),
    benchmarkActionGithubActionBenchmark({
      name: "Store Benchmark Result",
      // Pull requests (forks included) only run the benchmarks: no gh-pages writes.
      if: and(eq(github.eventName, "push"), eq(github.ref, "refs/heads/main")),
      with: {
        name: "Go Benchmark",
        tool: "go",
        "output-file-path": "backend/output.txt",
        "github-token": secret("GITHUB_TOKEN"),
        "auto-push": true,
        // Raised to 175% for the variability of shared runners.
        "alert-threshold": "175%",
        "comment-on-alert": true,
        "fail-on-alert": false,
        "summary-always": true,
      },
    }),
    backendPerfAsserts(),
  ],
}));

const backendChanges = { branches: ["main", "development"], paths: ["backend/**"] };

/** Builds the benchmark workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Go Benchmark",
    on: { push: backendChanges, pull_request: backendChanges, workflow_dispatch: null },
    permissions: {},
    env: { GO_VERSION: "1.25.6", GOTOOLCHAIN: "auto" },
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": true },
    jobs: [benchmark],
  });
}
