/**
 * `.github/workflows/supply-chain-verify.yml`: verifies the published image's supply
 * chain — after docker-build's successful runs for pushes (pull requests are verified
 * in docker-build itself), weekly on main, on demand and for each release: generates
 * and validates the image's SBOM, scans it with Grype and reports the result (its
 * pull-request comment steps are kept but never reached); for a release it also checks
 * the signatures of the image and of the release assets.
 *
 * `workflow_run` starts it when an image was pushed; the job checks out the default
 * branch, skips pull requests' runs, and reads the event only through env.
 */
import {
  actionsGithubScriptV8,
  actionsUploadArtifact,
  and,
  anchoreSbomActionDownloadSyft,
  anchoreScanActionDownloadGrype,
  currentJob,
  eq,
  event,
  github,
  githubScriptStep,
  job,
  lines,
  ne,
  or,
  peterEvansCreateOrUpdateComment,
  scriptFile,
  scriptStep,
  secret,
  sigstoreCosignInstaller,
  status,
  toJSON,
  tpl,
  untypedAction,
  workflow,
  type BuiltWorkflow,
  type Expr,
  type StepHandle,
  type Template,
} from "./kit/index.ts";
import { afterDockerBuild, dockerBuildRun, startedByDockerBuild } from "./shared/after-docker-build.ts";
import { workflowEnv as dockerBuildEnv } from "./docker-build/settings.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./supply-chain-verify/${file}`);

const releaseTag = event("release").get("release").get("tag_name");
const isRelease = eq(github.eventName, "release");

/** The image docker-build pushes to GHCR (its registry and image name), at a tag. */
const pushedImage = (tag: Expr<string>): Template => tpl`${dockerBuildEnv.REGISTRY}/${dockerBuildEnv.IMAGE_NAME}:${tag}`;

/** Cosign at the release the file downloaded (v2.4.1), through the pinned installer. */
const installCosign = (name: string): StepHandle => sigstoreCosignInstaller({ name, with: { "cosign-release": "v2.4.1" } });

const verifySbom = job("verify-sbom", {}, () => {
  const syft = anchoreSbomActionDownloadSyft({ name: "Install Verification Tools (Syft)", id: "syft" });
  const grype = anchoreScanActionDownloadGrype({ name: "Install Verification Tools (Grype)", id: "grype" });
  const tag = scriptStep({
    name: "Determine Image Tag",
    id: "tag",
    outputs: ["tag"],
    env: {
      EVENT_NAME: github.eventName,
      RELEASE_TAG: releaseTag,
      UPSTREAM_HEAD_BRANCH: dockerBuildRun.get("head_branch"),
      UPSTREAM_EVENT: dockerBuildRun.get("event"),
      UPSTREAM_PULL_REQUESTS: toJSON(dockerBuildRun.get("pull_requests")),
      UPSTREAM_HEAD_SHA: dockerBuildRun.get("head_sha"),
    },
    run: script("determine-image-tag.sh"),
  });
  const image = pushedImage(tag.outputs.tag);
  const imageCheck = scriptStep({
    name: "Check Image Availability",
    id: "image-check",
    outputs: ["exists"],
    env: { IMAGE: image, GH_TOKEN: secret("GITHUB_TOKEN"), ACTOR: github.actor },
    run: script("check-image.sh"),
  });
  const imageExists = eq(imageCheck.outputs.exists, "true");
  const validate = scriptStep({ name: "Validate SBOM File", id: "validate-sbom", if: imageExists, outputs: ["valid"], run: script("validate-sbom.sh") });
  const sbomValid = eq(validate.outputs.valid, "true");
  const prNumber = githubScriptStep({
    name: "Determine PR Number",
    id: "pr-number",
    outputs: ["result"],
    if: or(eq(github.eventName, "pull_request"), and(startedByDockerBuild, eq(dockerBuildRun.get("event"), "pull_request"))),
    version: actionsGithubScriptV8,
    with: { "result-encoding": "string" },
    script: script("determine-pr-number.js"),
  });
  const hasPr = ne(prNumber.outputs.result, "");
  return {
    name: "Verify SBOM",
    // Scheduled runs only on main; after docker-build only its successful runs that are not for a pull request.
    if: and(
      or(ne(github.eventName, "schedule"), eq(github.ref, "refs/heads/main")),
      or(ne(github.eventName, "workflow_run"), and(eq(dockerBuildRun.get("conclusion"), "success"), ne(dockerBuildRun.get("event"), "pull_request"))),
    ),
    "runs-on": "ubuntu-latest",
    // Reads the image; comments on the pull request.
    permissions: { contents: "read", packages: "read", "pull-requests": "write" },
    steps: [
      checkout(),
      scriptStep({
        name: "Debug Workflow Run Context",
        if: startedByDockerBuild,
        env: {
          UPSTREAM_WORKFLOW: dockerBuildRun.get("name"),
          UPSTREAM_CONCLUSION: dockerBuildRun.get("conclusion"),
          UPSTREAM_HEAD_BRANCH: dockerBuildRun.get("head_branch"),
          UPSTREAM_HEAD_SHA: dockerBuildRun.get("head_sha"),
          UPSTREAM_EVENT: dockerBuildRun.get("event"),
          UPSTREAM_PULL_REQUESTS: toJSON(dockerBuildRun.get("pull_requests")),
        },
        run: script("debug-upstream-run.sh"),
      }),
      // Syft and Grype from Anchore's pinned actions instead of their install scripts from the main branch.
      syft,
      grype,
      tag,
      imageCheck,
      scriptStep({
        name: "Verify SBOM Completeness",
        if: imageExists,
        env: { IMAGE: image, GH_TOKEN: secret("GITHUB_TOKEN"), SYFT: syft.outputs.cmd },
        run: script("verify-sbom-completeness.sh"),
      }),
      actionsUploadArtifact({
        name: "Upload SBOM Artifact",
        if: and(imageExists, status.always()),
        tolerates: [tag, imageCheck],
        with: { name: tpl`sbom-${tag.outputs.tag}`, path: "sbom-generated.json", "retention-days": 30 },
      }),
      validate,
      // A skipped validation leaves "valid" empty, which is not "true".
      scriptStep({ name: "Scan for Vulnerabilities", if: sbomValid, tolerates: [validate], env: { IMAGE: image, GRYPE: grype.outputs.cmd }, run: script("scan-vulnerabilities.sh") }),
      scriptStep({ name: "Parse Vulnerability Details", if: sbomValid, tolerates: [validate], run: script("parse-vulnerabilities.sh") }),
      actionsUploadArtifact({
        name: "Upload Vulnerability Scan Artifact",
        if: and(sbomValid, status.always()),
        tolerates: [tag, validate],
        with: { name: tpl`vulnerability-scan-${tag.outputs.tag}`, path: lines("vuln-scan.json", "critical-vulns.txt", "high-vulns.txt", "medium-vulns.txt", "low-vulns.txt"), "retention-days": 30 },
      }),
      scriptStep({
        name: "Report Skipped Scan",
        if: or(ne(imageCheck.outputs.exists, "true"), ne(validate.outputs.valid, "true")),
        tolerates: [validate],
        env: { IMAGE_EXISTS: imageCheck.outputs.exists, SBOM_VALID: validate.outputs.valid },
        run: script("report-skipped-scan.sh"),
      }),
      // The comment steps: the job's condition skips docker-build's pull-request runs, and no
      // pull_request event starts this workflow, so they do not run today (kept as the file has them).
      prNumber,
      scriptStep({
        name: "Build PR Comment Body",
        id: "comment-body",
        if: hasPr,
        tolerates: [prNumber, validate],
        env: { IMAGE_EXISTS: imageCheck.outputs.exists, SBOM_VALID: validate.outputs.valid, RUN_NUMBER: github.runNumber, SERVER_URL: github.serverUrl, REPOSITORY: github.repository, RUN_ID: github.runId },
        run: script("build-comment-body.sh"),
      }),
      // comment-author and body-includes are find-comment's inputs, not this action's: it ignores them (kept as the file had them).
      untypedAction(peterEvansCreateOrUpdateComment, {
        name: "Update or Create PR Comment",
        if: hasPr,
        tolerates: [prNumber],
        with: {
          "issue-number": prNumber.outputs.result,
          "body-path": "/tmp/comment-body.txt",
          "edit-mode": "replace",
          "comment-author": "github-actions[bot]",
          "body-includes": "<!-- supply-chain-security-comment -->",
        },
      }),
    ],
  };
});

const verifyDockerImage = job("verify-docker-image", { needs: verifySbom }, (needs) => {
  const tag = scriptStep({ name: "Determine Image Tag", id: "tag", outputs: ["tag"], env: { RELEASE_TAG: releaseTag }, run: 'TAG="${RELEASE_TAG}"\necho "tag=${TAG}" >> $GITHUB_OUTPUT\n' });
  const image = pushedImage(tag.outputs.tag);
  return {
    name: "Verify Docker Image Supply Chain",
    if: isRelease,
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read", packages: "read" },
    steps: [
      checkout(),
      // Cosign v2.4.1 from the pinned installer (which checks the release against its own pinned
      // cosign) instead of a download whose checksum check was allowed to fail.
      installCosign("Install Verification Tools (Cosign)"),
      scriptStep({ name: "Install Verification Tools (SLSA Verifier)", run: script("install-slsa-verifier.sh") }),
      tag,
      scriptStep({ name: "Verify Cosign Signature with Rekor Fallback", env: { IMAGE: image, REPOSITORY: github.repository }, run: script("verify-cosign-signature.sh") }),
      // The file's condition read steps.image-check, a step of the verify-sbom job, which is
      // always empty here, so this step never ran; it stays off until the image check runs in
      // this job. Its script reports a failed verification and succeeds (advisory), so it needs
      // no continue-on-error.
      scriptStep({ name: "Verify Docker Hub Image Signature", if: false, env: { TAG: tag.outputs.tag }, run: script("verify-dockerhub-signature.sh") }),
      scriptStep({ name: "Verify SLSA Provenance", env: { IMAGE: image, GH_TOKEN: secret("GITHUB_TOKEN") }, run: script("verify-slsa-provenance.sh") }),
      scriptStep({
        name: "Create Verification Report",
        if: status.always(),
        tolerates: [tag],
        env: { IMAGE: image, WORKFLOW: github.workflow, RUN_ID: github.runId, SBOM_VERIFICATION: needs(verifySbom).result, JOB_STATUS: currentJob.status },
        run: script("verification-report.sh"),
      }),
    ],
  };
});

const verifyReleaseArtifacts = job("verify-release-artifacts", {}, () => ({
  name: "Verify Release Artifacts",
  if: isRelease,
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  steps: [
    checkout(),
    installCosign("Install Verification Tools"),
    scriptStep({ name: "Download Release Assets", env: { GH_TOKEN: secret("GITHUB_TOKEN"), RELEASE_TAG_NAME: releaseTag }, run: script("download-release-assets.sh") }),
    // Advisory, as in the file: the script counts unsigned or unverified assets and succeeds;
    // only an error of the script itself fails the step (no continue-on-error).
    scriptStep({ name: "Verify Artifact Signatures with Fallback", env: { REPOSITORY: github.repository }, run: script("verify-artifact-signatures.sh") }),
  ],
}));

/** Builds the supply-chain verification workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Supply Chain Verification",
    on: {
      release: { types: ["published"] },
      // No branch filter: a workflow_run filter matches only the default branch's runs.
      workflow_run: afterDockerBuild(),
      // Weekly, Mondays at 00:00 UTC.
      schedule: [{ cron: "0 0 * * 1" }],
      workflow_dispatch: null,
    },
    permissions: {},
    jobs: [verifySbom, verifyDockerImage, verifyReleaseArtifacts],
    waive: {
      "dangerous-triggers":
        "workflow_run verifies the image docker-build pushed, once it is pushed; the job skips pull requests' runs, checks out the default branch and reads the event only through env",
    },
  });
}
