/**
 * `.github/workflows/crowdsec-integration.yml`: builds the image locally and runs the
 * CrowdSec integration tests (hub presets, then startup and LAPI) on pull requests,
 * pushes to main and on demand; on failure it writes debug information to the job
 * summary, and always a summary of both test runs, then removes the test containers.
 */
import { github, job, scriptFile, scriptStep, status, tpl, unnamed, workflow, workflowDispatch, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./crowdsec-integration/${file}`);

const dispatch = workflowDispatch({
  inputs: { image_tag: { description: "Docker image tag to test (e.g., pr-123-abc1234, latest)", required: false, type: "string" } },
});

const crowdsecIntegration = job("crowdsec-integration", {}, () => {
  const crowdsecTest = scriptStep({
    name: "Run CrowdSec integration tests",
    id: "crowdsec-test",
    run: 'chmod +x .github/skills/scripts/skill-runner.sh\n.github/skills/scripts/skill-runner.sh integration-test-crowdsec 2>&1 | tee crowdsec-test-output.txt\nexit "${PIPESTATUS[0]}"\n',
  });
  const lapiTest = scriptStep({
    name: "Run CrowdSec Startup and LAPI Tests",
    id: "lapi-test",
    run: 'chmod +x .github/skills/scripts/skill-runner.sh\n.github/skills/scripts/skill-runner.sh integration-test-crowdsec-startup 2>&1 | tee lapi-test-output.txt\nexit "${PIPESTATUS[0]}"\n',
  });
  return {
    name: "CrowdSec Bouncer Integration",
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read" },
    "timeout-minutes": 15,
    steps: [
      checkout({ name: unnamed }),
      scriptStep({
        name: "Build Docker image (Local)",
        run: 'echo "Building image locally for integration tests..."\ndocker build -t charon:local --build-arg CI="${CI:-false}" .\necho "✅ Successfully built charon:local"\n',
      }),
      crowdsecTest,
      lapiTest,
      scriptStep({ name: "Dump Debug Info on Failure", if: status.failure(), run: script("debug-info.sh") }),
      scriptStep({
        name: "CrowdSec Integration Summary",
        if: status.always(),
        env: { CROWDSEC_TEST_OUTCOME: crowdsecTest.outcome, LAPI_TEST_OUTCOME: lapiTest.outcome },
        run: script("summary.sh"),
      }),
      scriptStep({ name: "Cleanup", if: status.always(), run: script("cleanup.sh") }),
    ],
  };
});

/** Builds the CrowdSec integration workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "CrowdSec Integration",
    on: { workflow_dispatch: dispatch, pull_request: null, push: { branches: ["main"] } },
    permissions: {},
    // A newer run of the same event and ref cancels the older one (a pull request updated mid-test).
    concurrency: { group: tpl`${github.workflow}-${github.eventName}-${github.ref}`, "cancel-in-progress": true },
    jobs: [crowdsecIntegration],
  });
}
