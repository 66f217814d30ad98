/**
 * `.github/workflows/supply-chain-pr.yml`: when docker-build's run for a pull request
 * or a push completes (`workflow_run`), or on demand, generates the SBOM of the image
 * that run uploaded (`prImageArtifact`; on demand it builds the image), scans it with
 * Grype, uploads the results, comments the summary on the pull request and fails on
 * CRITICAL vulnerabilities.
 *
 * `workflow_run` gives the job a token that can comment and upload SARIF for a pull
 * request from a fork, whose own run cannot. The job checks out this repository's
 * default branch, reads the event only through env, and loads the image only to read
 * its contents (it is never run).
 */
import {
  actionsUploadArtifact,
  and,
  anchoreSbomAction,
  anchoreScanActionDownloadGrype,
  eq,
  format,
  github,
  githubCodeqlActionUploadSarif,
  ifElse,
  job,
  lines,
  ne,
  not,
  or,
  orElse,
  scriptFile,
  scriptStep,
  secret,
  tpl,
  workflow,
  workflowDispatch,
  type BuiltWorkflow,
} from "./kit/index.ts";
import { afterDockerBuild, dockerBuildRun, startedByDockerBuild } from "./shared/after-docker-build.ts";
import { prImageArtifact, prImageArtifactName } from "./docker-build/pr-image.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./supply-chain-pr/${file}`);

const dispatch = workflowDispatch({
  inputs: { pr_number: { description: "PR number to verify (optional, will auto-detect from workflow_run)", required: false, type: "string" } },
});

/** The commit and branch of the image: the upstream run's, else the event's. */
const headSha = orElse(orElse(dockerBuildRun.get("head_sha"), github.event.pullRequest.headSha), github.sha);
const headBranch = orElse(orElse(dockerBuildRun.get("head_branch"), github.headRef), github.refName);

const verifySupplyChain = job("verify-supply-chain", {}, () => {
  const prNumber = scriptStep({
    name: "Extract PR number from workflow_run",
    id: "pr-number",
    outputs: ["pr_number", "is_push"],
    env: {
      GH_TOKEN: secret("GITHUB_TOKEN"),
      INPUT_PR_NUMBER: dispatch.inputs.pr_number,
      EVENT_NAME: github.eventName,
      HEAD_SHA: headSha,
      HEAD_BRANCH: headBranch,
      WORKFLOW_RUN_EVENT: dockerBuildRun.get("event"),
      REPO_OWNER: github.repositoryOwner,
      REPO_NAME: github.repository,
    },
    run: script("resolve-pr-number.sh"),
  });
  const isPush = eq(prNumber.outputs.is_push, "true");
  const sanitize = scriptStep({ name: "Sanitize branch name", id: "sanitize", outputs: ["branch"], env: { BRANCH_NAME: headBranch }, run: script("sanitize-branch.sh") });
  const findArtifact = scriptStep({
    name: "Check for PR image artifact",
    id: "check-artifact",
    if: and(startedByDockerBuild, or(ne(prNumber.outputs.pr_number, ""), isPush)),
    outputs: ["artifact_found", "artifact_id", "artifact_name"],
    env: {
      GH_TOKEN: secret("GITHUB_TOKEN"),
      IS_PUSH: prNumber.outputs.is_push,
      // docker-build's name for the pull request's image; a push build's is "push-image".
      PR_IMAGE_ARTIFACT: prImageArtifactName(prNumber.outputs.pr_number),
      RUN_ID: dockerBuildRun.get("id"),
      HEAD_SHA: headSha,
      REPO_NAME: github.repository,
    },
    run: script("find-image-artifact.sh"),
  });
  const artifactFound = eq(findArtifact.outputs.artifact_found, "true");
  const loadArtifact = scriptStep({
    name: "Load Docker image (Artifact)",
    id: "load-image-artifact",
    if: and(startedByDockerBuild, artifactFound),
    tolerates: [findArtifact],
    outputs: ["image_name"],
    env: { IMAGE_ARCHIVE: prImageArtifact.file },
    run: script("load-image.sh"),
  });
  const buildLocal = scriptStep({ name: "Build Docker image (Local)", id: "build-image-local", if: ne(github.eventName, "workflow_run"), outputs: ["image_name"], run: script("build-image.sh") });
  const target = scriptStep({
    name: "Set Target Image",
    id: "set-target",
    outputs: ["image_name"],
    // One of the two ran, by event; the script reads that one's name.
    tolerates: [loadArtifact, buildLocal],
    env: { EVENT_NAME: github.eventName, LOADED_IMAGE: loadArtifact.outputs.image_name, BUILT_IMAGE: buildLocal.outputs.image_name },
    run: script("set-target.sh"),
    waive: {
      "guard-coverage": "one of the two images exists, by event: the script reads the loaded image's name on workflow_run and the built one's otherwise, and the step of the other path is skipped and unread",
    },
  });
  const hasTarget = ne(target.outputs.image_name, "");
  const sbomCount = scriptStep({
    name: "Count SBOM components",
    id: "sbom-count",
    if: hasTarget,
    outputs: ["component_count"],
    run: 'set -euo pipefail\nCOMPONENT_COUNT=$(jq \'.components | length\' sbom.cyclonedx.json)\necho "component_count=${COMPONENT_COUNT}" >> "$GITHUB_OUTPUT"\necho "✅ SBOM generated with ${COMPONENT_COUNT} components"\n',
  });
  // Grype from Anchore's pinned action instead of its install script from the main branch.
  const grype = anchoreScanActionDownloadGrype({ name: "Install Grype", id: "grype", if: hasTarget, with: { "grype-version": "v0.107.1" } });
  const vulnSummary = scriptStep({
    name: "Process vulnerability results",
    id: "vuln-summary",
    if: hasTarget,
    outputs: ["critical_count", "high_count", "medium_count", "low_count", "total_count"],
    run: script("count-vulnerabilities.sh"),
  });
  const counts = {
    CRITICAL_COUNT: vulnSummary.outputs.critical_count,
    HIGH_COUNT: vulnSummary.outputs.high_count,
    MEDIUM_COUNT: vulnSummary.outputs.medium_count,
    LOW_COUNT: vulnSummary.outputs.low_count,
    TOTAL_COUNT: vulnSummary.outputs.total_count,
  };
  return {
    name: "Verify Supply Chain",
    // Manual runs, and docker-build's successful runs for pull requests and pushes.
    if: or(eq(github.eventName, "workflow_dispatch"), and(startedByDockerBuild, or(eq(dockerBuildRun.get("event"), "pull_request"), eq(dockerBuildRun.get("event"), "push")), eq(dockerBuildRun.get("conclusion"), "success"))),
    "runs-on": "ubuntu-latest",
    // pull-requests: write comments; security-events: write uploads SARIF; actions: read finds the upstream run's artifact.
    permissions: { contents: "read", "pull-requests": "write", "security-events": "write", actions: "read" },
    "timeout-minutes": 15,
    steps: [
      checkout({ name: "Checkout repository" }),
      prNumber,
      sanitize,
      findArtifact,
      scriptStep({
        name: "Skip if no artifact",
        if: and(startedByDockerBuild, or(and(eq(prNumber.outputs.pr_number, ""), not(isPush)), not(artifactFound))),
        tolerates: [findArtifact],
        run: 'echo "ℹ️ No PR image artifact found - skipping supply chain verification"\necho "This is expected if the Docker build did not produce an artifact for this PR"\nexit 0\n',
      }),
      scriptStep({
        name: "Download PR image artifact",
        if: and(startedByDockerBuild, artifactFound),
        tolerates: [findArtifact],
        env: { GH_TOKEN: secret("GITHUB_TOKEN"), ARTIFACT_ID: findArtifact.outputs.artifact_id, ARTIFACT_NAME: findArtifact.outputs.artifact_name, REPO_NAME: github.repository },
        run: script("download-artifact.sh"),
      }),
      loadArtifact,
      buildLocal,
      target,
      anchoreSbomAction({ name: "Generate SBOM", id: "sbom", if: hasTarget, with: { image: target.outputs.image_name, format: "cyclonedx-json", "output-file": "sbom.cyclonedx.json" } }),
      sbomCount,
      grype,
      scriptStep({
        name: "Scan for vulnerabilities",
        id: "grype-scan",
        if: hasTarget,
        after: [grype],
        env: { GRYPE: grype.outputs.cmd },
        run: 'echo "🔍 Scanning SBOM for vulnerabilities..."\n"$GRYPE" sbom:sbom.cyclonedx.json -o json > grype-results.json\n"$GRYPE" sbom:sbom.cyclonedx.json -o sarif > grype-results.sarif\n',
      }),
      scriptStep({ name: "Debug Output Files", if: hasTarget, run: 'echo "📂 Listing workspace files:"\nls -la\n' }),
      vulnSummary,
      githubCodeqlActionUploadSarif({
        name: "Upload SARIF to GitHub Security",
        if: artifactFound,
        tolerates: [findArtifact],
        "continue-on-error": true,
        with: { sarif_file: "grype-results.sarif", category: "supply-chain-pr" },
      }),
      actionsUploadArtifact({
        name: "Upload supply chain artifacts",
        if: hasTarget,
        with: {
          name: ifElse(isPush, format("supply-chain-{0}", sanitize.outputs.branch), format("supply-chain-pr-{0}", prNumber.outputs.pr_number)),
          path: lines("sbom.cyclonedx.json", "grype-results.json"),
          "retention-days": 14,
        },
      }),
      scriptStep({
        name: "Comment on PR",
        if: and(hasTarget, not(isPush)),
        after: [sbomCount, vulnSummary],
        env: {
          GH_TOKEN: secret("GITHUB_TOKEN"),
          PR_NUMBER: prNumber.outputs.pr_number,
          COMPONENT_COUNT: sbomCount.outputs.component_count,
          ...counts,
          SERVER_URL: github.serverUrl,
          REPOSITORY: github.repository,
          RUN_ID: github.runId,
        },
        run: script("comment-on-pr.sh"),
      }),
      scriptStep({ name: "Fail on critical vulnerabilities", if: hasTarget, after: [vulnSummary], env: { CRITICAL_COUNT: counts.CRITICAL_COUNT }, run: script("fail-on-critical.sh") }),
    ],
  };
});

/** Builds the PR supply-chain verification workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Supply Chain Verification (PR)",
    on: {
      workflow_run: afterDockerBuild(["main", "development", "feature/**", "hotfix/**"]),
      workflow_dispatch: dispatch,
    },
    permissions: {},
    // One run per upstream event and branch; a newer one cancels the older.
    concurrency: { group: tpl`supply-chain-pr-${orElse<string>(dockerBuildRun.get("event"), github.eventName)}-${orElse(dockerBuildRun.get("head_branch"), github.ref)}`, "cancel-in-progress": true },
    jobs: [verifySupplyChain],
    waive: {
      "dangerous-triggers":
        "workflow_run is how the verification reaches the image a pull request's docker-build run uploaded, with a token that can comment and upload SARIF (a fork's own run has neither); it checks out the default branch and reads the event only through env",
    },
  });
}
