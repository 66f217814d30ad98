/**
 * `.github/workflows/waf-integration.yml`: when the Caddy integration, the security
 * models, the Coraza test script or the Dockerfile change (and on demand), builds the
 * image and runs the Coraza WAF integration tests against it; a failure dumps the
 * containers' state into the summary. The test containers are removed in every case.
 */
import { dockerSetupBuildxAction, emittedWorkflowPath, github, job, scriptFile, scriptStep, status, tpl, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./waf-integration/${file}`);

const wafIntegration = job("waf-integration", {}, () => {
  const wafTest = scriptStep({
    name: "Run WAF integration tests",
    id: "waf-test",
    run: "chmod +x scripts/coraza_integration.sh\nscripts/coraza_integration.sh 2>&1 | tee waf-test-output.txt\nexit ${PIPESTATUS[0]}\n",
  });
  return {
    name: "Coraza WAF Integration",
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 15,
    // Builds and tests locally: the token only reads the code.
    permissions: { contents: "read" },
    steps: [
      checkout({ name: unnamed }),
      dockerSetupBuildxAction({ name: "Set up Docker Buildx" }),
      scriptStep({ name: "Build Docker image", run: "docker build \\\n  --no-cache \\\n  --build-arg VCS_REF=${GITHUB_SHA} \\\n  -t charon:local .\n" }),
      wafTest,
      scriptStep({ name: "Dump Debug Info on Failure", if: status.failure(), run: script("dump-debug-info.sh") }),
      scriptStep({ name: "WAF Integration Summary", if: status.always(), env: { TESTS_OUTCOME: wafTest.outcome }, run: script("test-summary.sh") }),
      scriptStep({
        name: "Cleanup",
        if: status.always(),
        run: "docker rm -f charon-debug || true\ndocker rm -f coraza-backend || true\ndocker network rm containers_default || true\n",
      }),
    ],
  };
});

const wafPaths = ["backend/internal/caddy/**", "backend/internal/models/security*.go", "scripts/coraza_integration.sh", "Dockerfile", emittedWorkflowPath(import.meta.url)];

/** Builds the WAF integration workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "WAF integration",
    on: {
      push: { branches: ["main", "development", "feature/**"], paths: wafPaths },
      pull_request: { branches: ["main", "development"], paths: wafPaths },
      workflow_dispatch: null,
    },
    permissions: {},
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": true },
    jobs: [wafIntegration],
  });
}
