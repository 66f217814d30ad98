/**
 * Job `trivy-pr-app-only`: quick feedback on pull requests. It builds the image
 * locally, copies the application binary out and fails on CRITICAL or HIGH
 * findings in that binary alone.
 */
import { aquasecurityTrivyAction, job, runner, scriptFile, scriptStep, tpl } from "../kit/index.ts";
import { checkout } from "../shared/checkout.ts";
import { isPullRequest, RUNNER } from "./settings.ts";

/** Where the application binary lives inside Charon's image. */
const APP_BINARY = "/app/charon";
const outputDir = tpl`${runner.temp}/app-binary`;

export const trivyPrAppOnly = job("trivy-pr-app-only", {}, () => ({
  name: "Trivy scan of the application binary",
  if: isPullRequest,
  "runs-on": RUNNER,
  "timeout-minutes": 30,
  permissions: { contents: "read" },
  steps: [
    checkout(),
    scriptStep({
      name: "Build the image and extract the binary",
      env: { APP_BINARY, OUTPUT_DIR: outputDir },
      run: scriptFile(import.meta.url, "./scripts/build-app-binary.sh"),
    }),
    aquasecurityTrivyAction({
      name: "Scan the binary with Trivy",
      with: { "scan-type": "rootfs", "scan-ref": outputDir, severity: "CRITICAL,HIGH", "exit-code": "1", format: "table" },
    }),
  ],
}));
