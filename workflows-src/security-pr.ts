/**
 * `.github/workflows/security-pr.yml`: scans the `charon` binary of an image with Trivy
 * (a SARIF report for code scanning, then a gate on CRITICAL and HIGH findings). On
 * pushes and pull requests the job builds the image itself; when docker-build's run for
 * a pull request completes (`workflow_run`), or on demand for a PR number, it scans the
 * PR image that run uploaded (`prImageArtifact`), downloaded from that run by its id.
 *
 * `workflow_run` runs with this repository's token on the result of a pull request's
 * run: the job checks that the upstream run is docker-build's, for a pull request of
 * this repository, before it uses anything of it; its scripts read the event only
 * through env, and it runs no code of the pull request (the image's binary is only
 * copied out and scanned).
 */
import {
  actionsDownloadArtifactV8,
  actionsUploadArtifactV7,
  and,
  aquasecurityTrivyActionV036,
  currentJob,
  eq,
  format,
  github,
  githubCodeqlActionUploadSarif,
  ifElse,
  job,
  or,
  orElse,
  scriptFile,
  scriptStep,
  secret,
  status,
  tpl,
  untypedAction,
  workflow,
  workflowDispatch,
  type BuiltWorkflow,
} from "./kit/index.ts";
import { afterDockerBuild, dockerBuildRun, startedByDockerBuild } from "./shared/after-docker-build.ts";
import { prImageArtifact, prImageArtifactName } from "./docker-build/pr-image.ts";
import { WORKFLOW_NAME as DOCKER_BUILD } from "./docker-build/settings.ts";
import { buildCharonImage, builderSourceForEvent } from "./shared/build-charon-image.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./security-pr/${file}`);

const dispatch = workflowDispatch({ inputs: { pr_number: { description: "PR number to scan", required: true, type: "string" } } });

/** Events on which the job builds the image itself, rather than downloading docker-build's. */
const buildsItself = or(eq(github.eventName, "push"), eq(github.eventName, "pull_request"));
const downloads = or(startedByDockerBuild, eq(github.eventName, "workflow_dispatch"));
/** The branch the scanned code is on: the upstream run's on `workflow_run`. */
const branch = ifElse(startedByDockerBuild, dockerBuildRun.get("head_branch"), github.refName);

/** Trivy's settings for both scans of the binary. */
const trivyRelease = "v0.74.0";

const securityScan = job("security-scan", {}, () => {
  const prInfo = scriptStep({
    name: "Extract PR number from workflow_run",
    id: "pr-info",
    outputs: ["pr_number", "is_push"],
    env: {
      GH_TOKEN: secret("GITHUB_TOKEN"),
      EVENT_NAME: github.eventName,
      PR_NUMBER_OF_EVENT: github.event.pullRequest.number,
      DISPATCH_PR_NUMBER: dispatch.inputs.pr_number,
      UPSTREAM_EVENT: dockerBuildRun.get("event"),
      UPSTREAM_PR_NUMBER: orElse<number | string>(dockerBuildRun.get("pull_requests").at(0).get("number"), ""),
      EVENT_HEAD_SHA: orElse(ifElse(startedByDockerBuild, dockerBuildRun.get("head_sha"), github.event.pullRequest.headSha), github.sha),
      REPOSITORY: github.repository,
    },
    run: script("resolve-pr-number.sh"),
  });
  // docker-build's name for the pull request's image, for the search and the download.
  const prArtifact = prImageArtifactName(prInfo.outputs.pr_number);
  const findArtifact = scriptStep({
    name: "Check for PR image artifact",
    id: "check-artifact",
    if: downloads,
    outputs: ["artifact_exists", "run_id"],
    env: {
      GH_TOKEN: secret("GITHUB_TOKEN"),
      RESOLVED_PR_NUMBER: prInfo.outputs.pr_number,
      ARTIFACT_NAME: prArtifact,
      UPSTREAM_RUN_ID: ifElse<number | string>(startedByDockerBuild, dockerBuildRun.get("id"), ""),
      EVENT_NAME: github.eventName,
      REPOSITORY: github.repository,
    },
    run: script("find-pr-image-artifact.sh"),
  });
  const artifactFound = eq(findArtifact.outputs.artifact_exists, "true");
  const loadImage = scriptStep({
    name: "Load Docker image",
    id: "load-image",
    if: and(downloads, artifactFound),
    tolerates: [findArtifact],
    outputs: ["image_ref"],
    env: { IMAGE_ARCHIVE: prImageArtifact.file },
    run: script("load-pr-image.sh"),
    waive: {
      "fail-open-gate": "not a gate: a manifest it cannot read leaves no tags to try, the image is then found by the ID docker load prints, and the step fails when neither names an image",
    },
  });
  // The image is there when the job built it or found docker-build's.
  const scanned = or(artifactFound, buildsItself);
  const extract = scriptStep({
    name: "Extract charon binary from container",
    id: "extract",
    if: scanned,
    outputs: ["binary_path"],
    // The loaded image's reference is read only on the download path, where the step fails when it is empty.
    tolerates: [findArtifact, loadImage],
    waive: {
      "guard-coverage":
        "the script reads the loaded image's reference only on the download path, where load-image ran under the same condition (its failure stops the job), and fails on an empty one; pushes and pull requests use charon:local",
    },
    env: { EVENT_NAME: github.eventName, LOADED_IMAGE_REF: loadImage.outputs.image_ref },
    run: script("extract-binary.sh"),
  });
  const sarifCheck = scriptStep({ name: "Check Trivy SARIF output exists", id: "trivy-sarif-check", if: and(status.always(), scanned), tolerates: [findArtifact], outputs: ["exists"], run: script("check-sarif.sh") });
  const sarifExists = and(status.always(), eq(sarifCheck.outputs.exists, "true"));
  /** The report's name: by branch for a push, by pull request otherwise. */
  const reportName = ifElse(eq(prInfo.outputs.is_push, "true"), format("security-scan-{0}", branch), format("security-scan-pr-{0}", prInfo.outputs.pr_number));
  return {
    name: "Trivy Binary Scan",
    // Manual runs, direct pushes and pull requests, and docker-build's successful pull-request runs.
    if: or(
      eq(github.eventName, "workflow_dispatch"),
      eq(github.eventName, "pull_request"),
      eq(github.eventName, "push"),
      and(startedByDockerBuild, eq(dockerBuildRun.get("event"), "pull_request"), eq(dockerBuildRun.get("status"), "completed"), eq(dockerBuildRun.get("conclusion"), "success")),
    ),
    "runs-on": "ubuntu-latest",
    // actions: read downloads another run's artifact; security-events: write uploads the SARIF.
    permissions: { contents: "read", "security-events": "write", actions: "read" },
    // A branch's build copies the toolchain from its image (6-8 minutes); a fork's compiles
    // it (about 14), which with the scan sets the limit.
    "timeout-minutes": 20,
    steps: [
      checkout({ name: "Checkout repository", ref: ifElse(startedByDockerBuild, dockerBuildRun.get("head_sha"), github.sha) }),
      prInfo,
      scriptStep({
        name: "Validate workflow_run trust boundary and event contract",
        if: startedByDockerBuild,
        env: {
          EXPECTED_WORKFLOW: DOCKER_BUILD,
          UPSTREAM_WORKFLOW: dockerBuildRun.get("name"),
          UPSTREAM_EVENT: dockerBuildRun.get("event"),
          UPSTREAM_RUN_ID: dockerBuildRun.get("id"),
          UPSTREAM_HEAD_REPOSITORY: dockerBuildRun.get("head_repository").get("full_name"),
          REPOSITORY: github.repository,
        },
        run: script("check-upstream-run.sh"),
      }),
      buildCharonImage({ name: "Build Docker image (Local)", if: buildsItself, with: { "builder-src": builderSourceForEvent, "ghcr-token": secret("GITHUB_TOKEN") } }),
      findArtifact,
      // From docker-build's run: the run is the check step's (absent when the build was skipped).
      actionsDownloadArtifactV8({
        name: "Download PR image artifact",
        if: and(downloads, artifactFound),
        tolerates: [findArtifact],
        with: { name: prArtifact, "run-id": findArtifact.outputs.run_id, "github-token": secret("GITHUB_TOKEN") },
      }),
      loadImage,
      extract,
      // Reports every finding; the gate is the second scan.
      untypedAction(aquasecurityTrivyActionV036, {
        name: "Run Trivy filesystem scan (SARIF output)",
        if: scanned,
        tolerates: [findArtifact, extract],
        "continue-on-error": true,
        with: {
          "scan-type": "fs",
          "scan-ref": extract.outputs.binary_path,
          format: "sarif",
          output: "trivy-binary-results.sarif",
          severity: "CRITICAL,HIGH,MEDIUM",
          version: trivyRelease,
          trivyignores: ".trivyignore",
          config: "trivy.yaml",
        },
      }),
      sarifCheck,
      githubCodeqlActionUploadSarif({
        name: "Upload Trivy SARIF to GitHub Security",
        if: sarifExists,
        tolerates: [sarifCheck, prInfo],
        "continue-on-error": true,
        with: { sarif_file: "trivy-binary-results.sarif", category: reportName },
      }),
      untypedAction(aquasecurityTrivyActionV036, {
        name: "Run Trivy filesystem scan (fail on CRITICAL/HIGH)",
        if: scanned,
        tolerates: [findArtifact, extract],
        with: {
          "scan-type": "fs",
          "scan-ref": extract.outputs.binary_path,
          format: "table",
          severity: "CRITICAL,HIGH",
          "exit-code": "1",
          version: trivyRelease,
          trivyignores: ".trivyignore",
          config: "trivy.yaml",
        },
      }),
      actionsUploadArtifactV7({
        name: "Upload scan artifacts",
        if: sarifExists,
        tolerates: [sarifCheck, prInfo],
        with: { name: reportName, path: "trivy-binary-results.sarif\n", "retention-days": 14 },
      }),
      scriptStep({
        name: "Create job summary",
        if: and(status.always(), scanned),
        tolerates: [findArtifact, prInfo],
        env: { IS_PUSH: prInfo.outputs.is_push, BRANCH: branch, PR_NUMBER: prInfo.outputs.pr_number, JOB_STATUS: currentJob.status },
        run: script("summary.sh"),
      }),
      scriptStep({ name: "Cleanup", if: and(status.always(), artifactFound), tolerates: [findArtifact], run: 'echo "🧹 Cleaning up..."\nrm -rf ./scan-target\necho "✅ Cleanup complete"\n' }),
    ],
  };
});

/** Builds the PR security scan workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Security Scan (PR)",
    on: {
      workflow_run: afterDockerBuild(),
      workflow_dispatch: dispatch,
      pull_request: null,
      push: { branches: ["main"] },
    },
    permissions: {},
    // One run per event and branch (the upstream run's on workflow_run); a newer one cancels the older.
    concurrency: {
      group: tpl`security-pr-${ifElse<string>(startedByDockerBuild, dockerBuildRun.get("event"), github.eventName)}-${ifElse(startedByDockerBuild, dockerBuildRun.get("head_branch"), github.ref)}`,
      "cancel-in-progress": true,
    },
    jobs: [securityScan],
    waive: {
      "dangerous-triggers":
        "workflow_run is how the scan reaches the image a pull request's docker-build run uploaded, with a token that can upload SARIF; the job checks the upstream run's workflow, event and repository first, and reads the event only through env",
    },
  });
}
