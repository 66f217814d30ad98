/**
 * Job `test-image`: on pushes, pulls the image `build-and-push` published (by the
 * reference in its outputs), starts it next to a small upstream service on a
 * private network, waits for its health endpoint and runs the integration tests.
 */
import { and, currentJob, dockerLoginAction, envVar, github, job, not, scriptFile, scriptStep, secret, status } from "../kit/index.ts";
import { buildAndPush } from "./build-and-push.ts";
import { buildSkipped } from "./build-skipped.ts";
import { checkout } from "../shared/checkout.ts";
import { isNotPullRequest, RUNNER } from "./settings.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./scripts/${file}`);

export const testImage = job("test-image", { needs: [buildAndPush] }, (needs) => {
  const build = needs(buildAndPush);
  const image = { IMAGE_REF: build.outputs.image_ref };
  return {
    name: "Test image",
    if: and(isNotPullRequest, not(buildSkipped(build))),
    "runs-on": RUNNER,
    "timeout-minutes": 20,
    permissions: { contents: "read", packages: "read" },
    steps: [
      checkout(),
      dockerLoginAction({
        name: "Log in to GitHub Container Registry",
        with: { registry: envVar("REGISTRY"), username: github.actor, password: secret("GITHUB_TOKEN") },
      }),
      scriptStep({ name: "Pull the published image", env: image, run: script("pull-image.sh") }),
      scriptStep({ name: "Start the image and its upstream", env: image, run: script("start-test-stack.sh") }),
      scriptStep({ name: "Wait for the health endpoint", run: script("wait-for-health.sh") }),
      scriptStep({ name: "Run the integration tests", run: "bash scripts/integration-test.sh" }),
      scriptStep({ name: "Container logs", if: status.always(), run: script("print-test-logs.sh") }),
      scriptStep({ name: "Clean up", if: status.always(), run: script("stop-test-stack.sh") }),
      scriptStep({
        name: "Job summary",
        if: status.always(),
        env: { ...image, JOB_STATUS: currentJob.status },
        run: script("test-summary.sh"),
      }),
    ],
  };
});
