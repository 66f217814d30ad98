/**
 * `.github/workflows/cerberus-integration.yml`: builds the image with the local
 * `build-charon-image` action (layer-cached) and runs the Cerberus security-stack
 * integration tests (WAF, rate limiting, handler order) on pull requests, pushes to
 * main and on demand; on failure it keeps the container logs and writes debug
 * information to the job summary, always a summary of the tests, then cleans up.
 */
import { actionsUploadArtifactV7, github, job, lines, scriptFile, scriptStep, secret, status, tpl, unnamed, workflow, workflowDispatch, type BuiltWorkflow } from "./kit/index.ts";
import { buildCharonImage, builderSourceForEvent } from "./shared/build-charon-image.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./cerberus-integration/${file}`);

const dispatch = workflowDispatch({
  inputs: { image_tag: { description: "Docker image tag to test (e.g., pr-123-abc1234, latest)", required: false, type: "string" } },
});

const cerberusIntegration = job("cerberus-integration", {}, () => {
  const cerberusTest = scriptStep({
    name: "Run Cerberus integration tests",
    id: "cerberus-test",
    run: 'chmod +x scripts/cerberus_integration.sh\nscripts/cerberus_integration.sh 2>&1 | tee cerberus-test-output.txt\nexit "${PIPESTATUS[0]}"\n',
  });
  return {
    name: "Cerberus Security Stack Integration",
    "runs-on": "ubuntu-latest",
    // packages: read pulls the private toolchain image.
    permissions: { contents: "read", packages: "read" },
    // A branch's build copies Caddy and CrowdSec from the toolchain image (2-4 minutes);
    // a fork's compiles them (about 14), which with the tests sets the limit.
    "timeout-minutes": 20,
    steps: [
      checkout({ name: unnamed, release: "v7" }),
      buildCharonImage({ name: "Build Docker image (Local)", with: { "builder-src": builderSourceForEvent, "ghcr-token": secret("GITHUB_TOKEN") } }),
      cerberusTest,
      actionsUploadArtifactV7({
        name: "Upload Container Logs on Failure",
        if: status.failure(),
        with: {
          name: tpl`cerberus-container-logs-${github.runId}`,
          path: lines("/tmp/charon-cerberus-test.log", "/tmp/cerberus-backend.log"),
          "if-no-files-found": "ignore",
          "retention-days": 7,
        },
      }),
      scriptStep({ name: "Dump Debug Info on Failure", if: status.failure(), run: script("debug-info.sh") }),
      scriptStep({ name: "Cerberus Integration Summary", if: status.always(), env: { CERBERUS_TEST_OUTCOME: cerberusTest.outcome }, run: script("summary.sh") }),
      scriptStep({ name: "Cleanup", if: status.always(), run: script("cleanup.sh") }),
    ],
  };
});

/** Builds the Cerberus integration workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Cerberus Integration",
    on: { workflow_dispatch: dispatch, pull_request: null, push: { branches: ["main"] } },
    permissions: {},
    // A newer run of the same event and ref cancels the older one (a pull request updated mid-test).
    concurrency: { group: tpl`${github.workflow}-${github.eventName}-${github.ref}`, "cancel-in-progress": true },
    jobs: [cerberusIntegration],
  });
}
