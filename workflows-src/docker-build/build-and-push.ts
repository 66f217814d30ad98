/**
 * Job `build-and-push`: decides whether to build, builds the image (loaded on pull
 * requests, pushed otherwise), hands the PR image to the verify job as an
 * artifact, checks and scans what it built, and on pushes publishes an SBOM
 * attestation and a signature. It succeeds when it skips.
 */
import {
  actionsAttestSbom,
  anchoreSbomAction,
  and,
  aquasecurityTrivyAction,
  dockerBuildPushAction,
  dockerLoginAction,
  dockerMetadataAction,
  dockerSetupBuildxAction,
  dockerSetupQemuAction,
  envVar,
  eq,
  fileExists,
  fromJSON,
  github,
  githubCodeqlActionUploadSarif,
  ifElse,
  job,
  ne,
  scriptFile,
  scriptStep,
  secret,
  sigstoreCosignInstaller,
  tpl,
} from "../kit/index.ts";
import { checkout } from "../shared/checkout.ts";
import { prImageArtifact, prImageTag } from "./pr-image.ts";
import { imageInput, isNotPullRequest, isPullRequest, RUNNER } from "./settings.ts";
import { verifyGoModule } from "./verify-go-module.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./scripts/${file}`);

const skip = scriptStep({
  name: "Determine skip condition",
  id: "skip",
  outputs: ["skip_build", "skip_reason"],
  env: {
    EVENT_NAME: github.eventName,
    ACTOR: github.actor,
    REF: github.ref,
    HEAD_REF: github.headRef,
    PR_TITLE: github.event.pullRequest.title,
    COMMIT_MESSAGE: github.event.headCommitMessage,
  },
  run: script("determine-skip.sh"),
});

/** Every build step runs only when the build is not skipped. */
const building = ne(skip.outputs.skip_build, "true");

const caddyBase = scriptStep({
  name: "Resolve Debian base image digest",
  id: "caddy",
  outputs: ["image"],
  if: building,
  env: { BASE_IMAGE: "debian:trixie-slim" },
  run: script("resolve-base-image.sh"),
});

const meta = dockerMetadataAction({
  name: "Extract metadata (tags, labels)",
  id: "meta",
  if: building,
  with: {
    images: [imageInput],
    tags: [
      "type=raw,value=latest,enable={{is_default_branch}}",
      tpl`type=raw,value=dev,enable=${eq(github.ref, "refs/heads/development")}`,
      tpl`type=raw,value=beta,enable=${eq(github.ref, "refs/heads/feature/beta-release")}`,
      tpl`type=raw,value=pr-${github.event.pullRequest.number},enable=${isPullRequest}`,
      tpl`type=sha,format=short,enable=${isNotPullRequest}`,
    ],
  },
});

const metaJson = fromJSON(meta.outputs.json);

const build = dockerBuildPushAction({
  name: "Build and push Docker image",
  id: "build",
  if: building,
  after: [caddyBase, meta],
  with: {
    context: ".",
    platforms: ifElse(isPullRequest, "linux/amd64", "linux/amd64,linux/arm64"),
    push: isNotPullRequest,
    load: isPullRequest,
    tags: meta.outputs.tags,
    labels: meta.outputs.labels,
    "no-cache": true,
    pull: true,
    "build-args": [
      tpl`VERSION=${meta.outputs.version}`,
      tpl`BUILD_DATE=${metaJson.get("labels").get("org.opencontainers.image.created")}`,
      tpl`VCS_REF=${github.sha}`,
      tpl`CADDY_IMAGE=${caddyBase.outputs.image}`,
    ],
  },
});

const save = scriptStep({
  name: "Save the PR image",
  id: "save",
  if: isPullRequest,
  after: [meta, build],
  env: { IMAGE_TAG: prImageTag(meta), ARCHIVE: prImageArtifact.path },
  run: script("save-pr-image.sh"),
});

const image = scriptStep({
  name: "Resolve image reference",
  id: "image",
  outputs: ["ref", "name", "digest"],
  after: [meta, build],
  env: { IMAGE_TAG: prImageTag(meta), DIGEST: ifElse(isNotPullRequest, build.outputs.digest, "") },
  run: script("resolve-image-ref.sh"),
});

/** Steps that work on the pushed image (not on pull requests). */
const published = { if: isNotPullRequest, after: [image] };

/** CVE-2025-68156: expr-lang/expr before v1.17.7, linked by Caddy and CrowdSec's cscli. */
const patchedExpr = {
  caddy: { label: "Caddy", binary: "/usr/bin/caddy", module: "github.com/expr-lang/expr", minVersion: "v1.17.7" },
  cscli: { label: "CrowdSec cscli", binary: "/usr/local/bin/cscli", module: "github.com/expr-lang/expr", minVersion: "v1.17.7" },
};

const sbomFile = "sbom.cyclonedx.json";
const trivySarif = "trivy-results.sarif";

export const buildAndPush = job("build-and-push", {}, () => ({
  name: "Build and push",
  "runs-on": RUNNER,
  "timeout-minutes": 30,
  permissions: { contents: "read", packages: "write", "security-events": "write", "id-token": "write", attestations: "write" },
  outputs: {
    skip_build: skip.outputs.skip_build,
    skip_reason: skip.outputs.skip_reason,
    digest: ifElse(isNotPullRequest, build.outputs.digest, ""),
    image_ref: prImageTag(meta),
  },
  steps: [
    checkout(),
    skip,
    dockerSetupQemuAction({ name: "Set up QEMU", if: building }),
    dockerSetupBuildxAction({ name: "Set up Docker Buildx", if: building }),
    caddyBase,
    dockerLoginAction({
      name: "Log in to GitHub Container Registry",
      if: and(isNotPullRequest, building),
      with: { registry: envVar("REGISTRY"), username: github.actor, password: secret("GITHUB_TOKEN") },
    }),
    meta,
    build,
    save,
    prImageArtifact.upload({ name: "Upload the PR image artifact", if: isPullRequest, after: [build, save] }),
    image,
    verifyGoModule(patchedExpr.caddy, image.outputs.ref, [image]),
    verifyGoModule(patchedExpr.cscli, image.outputs.ref, [image]),
    aquasecurityTrivyAction({
      name: "Scan the image with Trivy (table)",
      ...published,
      with: { "image-ref": image.outputs.ref, format: "table", "exit-code": "0" },
    }),
    aquasecurityTrivyAction({
      name: "Scan the image with Trivy (SARIF)",
      ...published,
      with: { "image-ref": image.outputs.ref, format: "sarif", output: trivySarif, "exit-code": "0" },
    }),
    githubCodeqlActionUploadSarif({
      name: "Upload the Trivy SARIF",
      if: and(isNotPullRequest, fileExists(trivySarif)),
      after: [image],
      with: { sarif_file: trivySarif, category: "trivy-image" },
    }),
    anchoreSbomAction({
      name: "Generate the SBOM",
      id: "sbom",
      ...published,
      with: { image: image.outputs.ref, format: "cyclonedx-json", "output-file": sbomFile, "upload-artifact": false },
    }),
    actionsAttestSbom({
      name: "Attest the SBOM",
      ...published,
      with: { "subject-name": image.outputs.name, "subject-digest": image.outputs.digest, "sbom-path": sbomFile, "push-to-registry": true },
    }),
    sigstoreCosignInstaller({ name: "Install cosign", ...published }),
    scriptStep({ name: "Sign the image", ...published, env: { IMAGE_REF: image.outputs.ref }, run: script("sign-image.sh") }),
    scriptStep({
      name: "Job summary",
      after: [meta, image],
      env: { IMAGE_REF: image.outputs.ref, TAGS: meta.outputs.tags, DIGEST: image.outputs.digest },
      run: script("build-summary.sh"),
    }),
  ],
}));
