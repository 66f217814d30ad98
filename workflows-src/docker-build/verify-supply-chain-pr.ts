/**
 * Job `verify-supply-chain-pr`: on pull requests whose build ran, loads the PR
 * image from the artifact, makes an SBOM, scans it, reports to code scanning and
 * on the pull request, and fails on critical vulnerabilities.
 */
import {
  actionsUploadArtifact,
  and,
  anchoreSbomActionDownloadSyft,
  anchoreScanActionDownloadGrype,
  format,
  github,
  githubCodeqlActionUploadSarif,
  githubScriptStep,
  job,
  not,
  runner,
  scriptFile,
  scriptStep,
  status,
  tpl,
  envVar,
} from "../kit/index.ts";
import { buildAndPush } from "./build-and-push.ts";
import { buildSkipped } from "./build-skipped.ts";
import { checkout } from "../shared/checkout.ts";
import { prCommentScript } from "./pr-comment.ts";
import { prImageArtifact } from "./pr-image.ts";
import { isPullRequest, RUNNER } from "./settings.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./scripts/${file}`);
const reportDir = tpl`${runner.temp}/supply-chain`;

export const verifySupplyChainPr = job("verify-supply-chain-pr", { needs: [buildAndPush] }, (needs) => {
  const build = needs(buildAndPush);
  const imageRef = build.outputs.image_ref;

  const syft = anchoreSbomActionDownloadSyft({
    name: "Install syft",
    id: "syft",
    with: { "syft-version": envVar("SYFT_VERSION") },
  });
  const grype = anchoreScanActionDownloadGrype({
    name: "Install grype",
    id: "grype",
    with: { "grype-version": envVar("GRYPE_VERSION") },
  });
  const sbom = scriptStep({
    name: "Generate the SBOM",
    id: "sbom",
    outputs: ["components"],
    env: { SYFT: syft.outputs.cmd, IMAGE_REF: imageRef, REPORT_DIR: reportDir },
    run: script("generate-sbom.sh"),
  });
  const scan = scriptStep({
    name: "Scan the SBOM for vulnerabilities",
    id: "scan",
    outputs: ["critical", "high", "medium", "low"],
    env: { GRYPE: grype.outputs.cmd, REPORT_DIR: reportDir },
    run: script("scan-sbom.sh"),
  });
  const sarif = scriptStep({
    name: "Write the SARIF report",
    id: "sarif",
    if: status.always(),
    after: [grype, sbom],
    env: { GRYPE: grype.outputs.cmd, REPORT_DIR: reportDir },
    run: script("sarif-report.sh"),
  });
  const counts = {
    CRITICAL: scan.outputs.critical,
    HIGH: scan.outputs.high,
    MEDIUM: scan.outputs.medium,
    LOW: scan.outputs.low,
  };

  return {
    name: "Supply chain verification",
    if: and(isPullRequest, not(buildSkipped(build)), build.succeeded),
    "runs-on": RUNNER,
    "timeout-minutes": 15,
    permissions: { contents: "read", "pull-requests": "write", "security-events": "write" },
    steps: [
      checkout(),
      prImageArtifact.download({ name: "Download the PR image artifact" }),
      scriptStep({
        name: "Load the PR image",
        env: { ARCHIVE: prImageArtifact.path, IMAGE_REF: imageRef },
        run: script("load-pr-image.sh"),
      }),
      syft,
      grype,
      sbom,
      scan,
      sarif,
      githubCodeqlActionUploadSarif({
        name: "Upload the SARIF to code scanning",
        if: status.always(),
        after: [sarif],
        "continue-on-error": true,
        with: {
          sarif_file: tpl`${reportDir}/grype-results.sarif`,
          category: format("supply-chain-pr-{0}-{1}", github.event.pullRequest.number, github.sha),
        },
      }),
      actionsUploadArtifact({
        name: "Upload the supply chain reports",
        if: status.always(),
        after: [sbom],
        with: {
          name: tpl`supply-chain-pr-${github.event.pullRequest.number}`,
          path: reportDir,
          "retention-days": 30,
          "if-no-files-found": "error",
        },
      }),
      githubScriptStep({
        name: "Comment on the pull request",
        after: [sbom, scan],
        env: {
          ...counts,
          COMMIT_SHA: github.event.pullRequest.headSha,
          IMAGE_REF: imageRef,
          COMPONENTS: sbom.outputs.components,
          RUN_URL: tpl`${github.serverUrl}/${github.repository}/actions/runs/${github.runId}`,
        },
        script: prCommentScript("verify-comment.js"),
      }),
      scriptStep({
        name: "Fail on critical vulnerabilities",
        after: [scan],
        env: { CRITICAL: scan.outputs.critical, IMAGE_REF: imageRef },
        run: script("critical-gate.sh"),
      }),
      scriptStep({
        name: "Job summary",
        if: status.always(),
        tolerates: [sbom, scan],
        env: { ...counts, IMAGE_REF: imageRef, COMPONENTS: sbom.outputs.components },
        run: script("verify-summary.sh"),
      }),
    ],
  };
});
