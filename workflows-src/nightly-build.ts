/**
 * `.github/workflows/nightly-build.yml`: every day (and on demand) fast-forwards (or
 * resets) the `nightly` branch to `development`, dispatches the validation workflows
 * that have no run for the new head, builds and pushes the nightly Charon image to GHCR
 * and Docker Hub (SBOM, keyless signatures), rebuilds the Orthrus agent image when
 * `agent/` changed, smoke-tests the image and gates it on its CRITICAL and HIGH CVEs.
 */
import {
  actionsCheckoutV7,
  actionsGithubScriptV9,
  actionsSetupGoV7,
  anchoreSbomActionV024,
  anchoreScanAction,
  aquasecurityTrivyActionV036,
  artifactContract,
  dockerBuildPushActionV7,
  dockerLoginActionV4,
  dockerMetadataActionV6,
  dockerSetupBuildxActionV4,
  dockerSetupQemuActionV4,
  envVar,
  eq,
  event,
  github,
  githubCodeqlActionUploadSarif,
  githubScriptStep,
  ifElse,
  jlumbrosoFreeDiskSpace,
  job,
  ne,
  or,
  orElse,
  scriptFile,
  scriptStep,
  secret,
  sigstoreCosignInstallerV4,
  status,
  tpl,
  unnamed,
  workflow,
  workflowDispatch,
  type BuiltWorkflow,
  type StepHandle,
  type StringInput,
  type Template,
} from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./nightly-build/${file}`);

const dispatch = workflowDispatch({
  inputs: {
    reason: { description: "Why are you running this manually?", required: true, default: "Ad hoc manual trigger" },
    skip_tests: { description: "Skip test-nightly-image job?", required: false, default: "false" },
  },
});

/** The nightly image's SBOM: made by the build job, scanned by the supply-chain job. */
const sbomArtifact = artifactContract({ name: "sbom-nightly", file: "sbom-nightly.json", retentionDays: 30 });

/** A Docker Hub token is configured (secrets cannot be tested in a step's if:, so jobs export this). */
const hasDockerhubToken = ne(secret("DOCKERHUB_TOKEN"), "");
const dockerhubTokenSet = eq(envVar("HAS_DOCKERHUB_TOKEN"), "true");
/** The images by registry, from the workflow's env. */
const ghcrImage = tpl`${envVar("GHCR_REGISTRY")}/${envVar("IMAGE_NAME")}`;
const dockerhubImage = tpl`${envVar("DOCKERHUB_REGISTRY")}/${envVar("IMAGE_NAME")}`;
/** The nightly image on GHCR at the digest the build pushed. */
const nightlyImage = (digest: StringInput): Template => tpl`${ghcrImage}:nightly@${digest}`;
/** A manual run builds the ref it was started on; the schedule builds the nightly branch. */
const nightlyRef = ifElse(eq(github.eventName, "workflow_dispatch"), github.ref, "nightly");

const checkoutNightly = (history?: number): StepHandle => checkout({ name: "Checkout nightly branch", ref: nightlyRef, release: "v7", ...(history === undefined ? {} : { history }) });
const lowercase = (variable: string): StepHandle => scriptStep({ name: "Set lowercase image name", run: `echo "${variable}_LC=\${${variable},,}" >> "$GITHUB_ENV"` });
const freeDiskSpace = (): StepHandle =>
  jlumbrosoFreeDiskSpace({
    name: "Free disk space",
    with: { android: true, dotnet: true, haskell: true, "large-packages": true, "docker-images": false, "swap-storage": true, "tool-cache": false },
  });
const ghcrLogin = (): StepHandle => dockerLoginActionV4({ name: "Log in to GitHub Container Registry", with: { registry: envVar("GHCR_REGISTRY"), username: github.actor, password: secret("GITHUB_TOKEN") } });
const dockerhubLogin = (): StepHandle =>
  dockerLoginActionV4({ name: "Log in to Docker Hub", if: dockerhubTokenSet, with: { registry: "docker.io", username: secret("DOCKERHUB_USERNAME"), password: secret("DOCKERHUB_TOKEN") } });
/** The tags every nightly image gets. */
const nightlyTags = ["type=raw,value=nightly", "type=raw,value=nightly-{{date 'YYYY-MM-DD'}}", "type=sha,prefix=nightly-,format=short"];
const buildDate = event("workflow_dispatch").get("repository").get("pushed_at");

const syncDevelopmentToNightly = job("sync-development-to-nightly", {}, () => {
  const sync = scriptStep({
    name: "Sync development to nightly",
    id: "sync",
    outputs: ["has_changes", "agent_changed"],
    env: { HAS_TRIGGER_TOKEN: ne(secret("CHARON_CI_TRIGGER_TOKEN"), "") },
    run: script("sync-to-nightly.sh"),
  });
  return {
    name: unnamed,
    "runs-on": "ubuntu-latest",
    // Force-pushes the nightly branch.
    permissions: { contents: "write" },
    outputs: { has_changes: sync.outputs.has_changes, agent_changed: sync.outputs.agent_changed },
    steps: [
      // The credentials stay for the push; a push with the trigger token starts the nightly branch's workflows.
      actionsCheckoutV7({
        name: "Checkout nightly branch",
        with: { ref: "nightly", "fetch-depth": 0, token: orElse(secret("CHARON_CI_TRIGGER_TOKEN"), secret("GITHUB_TOKEN")), "persist-credentials": true },
      }),
      scriptStep({ name: "Configure Git", run: 'git config user.name "github-actions[bot]"\ngit config user.email "github-actions[bot]@users.noreply.github.com"\n' }),
      sync,
    ],
  };
});

const triggerNightlyValidation = job("trigger-nightly-validation", { needs: syncDevelopmentToNightly }, (needs) => ({
  name: "Trigger Nightly Validation Workflows",
  if: eq(needs(syncDevelopmentToNightly).outputs.has_changes, "true"),
  "runs-on": "ubuntu-latest",
  permissions: { actions: "write", contents: "read" },
  steps: [githubScriptStep({ name: "Dispatch Missing Nightly Validation Workflows", version: actionsGithubScriptV9, script: script("dispatch-validation.js") })],
}));

const buildAndPushNightly = job("build-and-push-nightly", { needs: syncDevelopmentToNightly }, () => {
  const alpine = scriptStep({ name: "Resolve Alpine base image digest", id: "alpine", outputs: ["image"], run: script("resolve-alpine.sh") });
  const meta = dockerMetadataActionV6({
    name: "Extract metadata",
    id: "meta",
    with: { images: [ghcrImage, dockerhubImage], tags: nightlyTags, labels: ["org.opencontainers.image.title=Charon Nightly", "org.opencontainers.image.description=Nightly build of Charon"] },
  });
  const build = dockerBuildPushActionV7({
    name: "Build and push Docker image",
    id: "build",
    with: {
      context: ".",
      platforms: ["linux/amd64", "linux/arm64"],
      push: true,
      tags: meta.outputs.tags,
      labels: meta.outputs.labels,
      "build-args": [tpl`VERSION=nightly-${github.sha}`, tpl`VCS_REF=${github.sha}`, tpl`BUILD_DATE=${buildDate}`, tpl`ALPINE_IMAGE=${alpine.outputs.image}`, "CADDY_BUILDER_SRC=toolchain-prebuilt", "CROWDSEC_BUILDER_SRC=toolchain-prebuilt"],
      "cache-from": ["type=gha"],
      "cache-to": ["type=gha,mode=max"],
      provenance: "true",
      sbom: "true",
    },
  });
  const resolveDigest = scriptStep({
    name: "Resolve and export image digest",
    id: "resolve_digest",
    outputs: ["digest"],
    env: { BUILD_DIGEST: build.outputs.digest, ACTOR: github.actor, GITHUB_TOKEN: secret("GITHUB_TOKEN") },
    run: script("resolve-digest.sh"),
    waive: { "fail-open-gate": "not a gate: a registry answer it cannot read leaves the digest empty, and the step then fails with an error" },
  });
  const digest = resolveDigest.outputs.digest;
  const ghcrRef = tpl`${ghcrImage}@${digest}`;
  const dockerhubRef = tpl`${dockerhubImage}@${digest}`;
  const sbomPrimary = anchoreSbomActionV024({
    name: "Generate SBOM",
    id: "sbom_primary",
    "continue-on-error": true,
    with: { image: ghcrRef, format: "spdx-json", "output-file": sbomArtifact.path, "syft-version": "v1.52.0" },
  });
  const sign = (name: string, label: string, image: StringInput, ifDockerhub: boolean): StepHandle =>
    scriptStep({ name, ...(ifDockerhub ? { if: dockerhubTokenSet } : {}), env: { REGISTRY_LABEL: label, IMAGE_REF: image }, run: script("sign-image.sh") });
  return {
    name: unnamed,
    "runs-on": "ubuntu-latest",
    env: { HAS_DOCKERHUB_TOKEN: hasDockerhubToken },
    // Pushes the image; id-token: write signs it keylessly.
    permissions: { contents: "read", packages: "write", "id-token": "write" },
    outputs: { version: meta.outputs.version, digest },
    steps: [
      freeDiskSpace(),
      checkoutNightly(0),
      lowercase("IMAGE_NAME"),
      dockerSetupQemuActionV4({ name: "Set up QEMU" }),
      dockerSetupBuildxActionV4({ name: "Set up Docker Buildx" }),
      alpine,
      ghcrLogin(),
      dockerhubLogin(),
      meta,
      scriptStep({ name: "Generate Changelog Data", run: "bash scripts/generate-changelog.sh" }),
      build,
      resolveDigest,
      scriptStep({
        name: "Record nightly image digest",
        env: { IMAGE_REF: nightlyImage(digest) },
        run: 'echo "## 🧾 Nightly Image Digest" >> "$GITHUB_STEP_SUMMARY"\necho "- ${IMAGE_REF}" >> "$GITHUB_STEP_SUMMARY"\n',
      }),
      sbomPrimary,
      // Runs whatever happened to the primary SBOM; it fails when the digest is missing.
      scriptStep({
        name: "Generate SBOM fallback with pinned Syft",
        if: status.always(),
        tolerates: [resolveDigest],
        env: { SBOM_PRIMARY_OUTCOME: sbomPrimary.outcome, IMAGE_DIGEST: digest, SBOM: sbomArtifact.path },
        run: script("sbom-fallback.sh"),
      }),
      scriptStep({ name: "Verify SBOM artifact", if: status.always(), env: { SBOM: sbomArtifact.path }, run: script("verify-sbom.sh") }),
      sbomArtifact.upload({ name: "Upload SBOM artifact" }),
      // Keyless signing (Sigstore/Fulcio), retried for Fulcio's and Rekor's transient errors.
      sigstoreCosignInstallerV4({ name: "Install Cosign" }),
      sign("Sign GHCR Image", "GHCR", ghcrRef, false),
      sign("Sign Docker Hub Image", "Docker Hub", dockerhubRef, true),
      scriptStep({
        name: "Attach SBOM to Docker Hub",
        if: dockerhubTokenSet,
        env: { SBOM: sbomArtifact.path, IMAGE_REF: dockerhubRef },
        run: 'echo "Attaching SBOM to Docker Hub nightly image..."\ncosign attach sbom --sbom "$SBOM" "$IMAGE_REF"\necho "✅ SBOM attached to Docker Hub nightly image"\n',
      }),
    ],
  };
});

const buildAndPushNightlyOrthrus = job("build-and-push-nightly-orthrus", { needs: syncDevelopmentToNightly }, (needs) => {
  const meta = dockerMetadataActionV6({
    name: "Extract metadata",
    id: "meta",
    with: {
      images: [tpl`${envVar("GHCR_REGISTRY")}/${envVar("ORTHRUS_IMAGE_NAME_LC")}`, tpl`${envVar("DOCKERHUB_REGISTRY")}/${envVar("ORTHRUS_IMAGE_NAME_LC")}`],
      tags: nightlyTags,
      labels: ["org.opencontainers.image.title=Orthrus Agent Nightly", "org.opencontainers.image.description=Nightly build of the Orthrus reverse-proxy agent"],
    },
  });
  return {
    name: unnamed,
    // A scheduled run rebuilds Orthrus only when agent/ changed; a manual run always does.
    if: or(eq(needs(syncDevelopmentToNightly).outputs.agent_changed, "true"), eq(github.eventName, "workflow_dispatch")),
    "runs-on": "ubuntu-latest",
    env: { ORTHRUS_IMAGE_NAME: "wikid82/orthrus", HAS_DOCKERHUB_TOKEN: hasDockerhubToken },
    permissions: { contents: "read", packages: "write" },
    steps: [
      freeDiskSpace(),
      checkoutNightly(0),
      lowercase("ORTHRUS_IMAGE_NAME"),
      // The agent's own tests gate the image: the sync job's reset or force-push reaches
      // nightly without a reviewed pull request, so the pull-request gate does not cover it.
      actionsSetupGoV7({ name: "Set up Go", with: { "go-version-file": "agent/go.mod", "cache-dependency-path": "agent/go.sum" } }),
      scriptStep({ name: "Run Orthrus agent tests", run: "set -euo pipefail\ncd agent\ngo test ./...\n" }),
      dockerSetupQemuActionV4({ name: "Set up QEMU" }),
      dockerSetupBuildxActionV4({ name: "Set up Docker Buildx" }),
      ghcrLogin(),
      dockerhubLogin(),
      meta,
      dockerBuildPushActionV7({
        name: "Build and push Orthrus nightly image",
        with: {
          context: "./agent",
          file: "./agent/Dockerfile",
          platforms: ["linux/amd64", "linux/arm64"],
          push: true,
          tags: meta.outputs.tags,
          labels: meta.outputs.labels,
          "build-args": [tpl`VERSION=nightly-${github.sha}`, tpl`GIT_COMMIT=${github.sha}`, tpl`BUILD_DATE=${buildDate}`],
          "cache-from": ["type=gha"],
          "cache-to": ["type=gha,mode=max"],
        },
      }),
      scriptStep({ name: "Record Orthrus nightly image tags", env: { META_TAGS: meta.outputs.tags }, run: script("record-orthrus-tags.sh") }),
    ],
  };
});

const testNightlyImage = job("test-nightly-image", { needs: buildAndPushNightly }, (needs) => {
  const image = nightlyImage(needs(buildAndPushNightly).outputs.digest);
  return {
    name: unnamed,
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read", packages: "read" },
    steps: [
      checkoutNightly(),
      lowercase("IMAGE_NAME"),
      ghcrLogin(),
      scriptStep({ name: "Pull nightly image", env: { IMAGE_REF: image }, run: 'docker pull "$IMAGE_REF"' }),
      scriptStep({ name: "Run container smoke test", env: { IMAGE_REF: image }, run: script("smoke-test.sh") }),
    ],
  };
});

const verifyNightlySupplyChain = job("verify-nightly-supply-chain", { needs: buildAndPushNightly }, (needs) => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read", packages: "read", "security-events": "write" },
  steps: [
    checkoutNightly(),
    lowercase("IMAGE_NAME"),
    sbomArtifact.download({ name: "Download SBOM" }),
    anchoreScanAction({ name: "Scan with Grype", with: { sbom: sbomArtifact.path, "fail-build": false, "severity-cutoff": "high" } }),
    aquasecurityTrivyActionV036({
      name: "Scan with Trivy",
      with: { "image-ref": nightlyImage(needs(buildAndPushNightly).outputs.digest), format: "sarif", output: "trivy-nightly.sarif", version: "v0.74.0", trivyignores: ".trivyignore" },
    }),
    githubCodeqlActionUploadSarif({ name: "Upload Trivy results", with: { sarif_file: "trivy-nightly.sarif", category: "trivy-nightly" } }),
    scriptStep({ name: "Security severity policy summary", run: script("severity-policy-summary.sh") }),
    scriptStep({ name: "Check for Critical/High CVEs", run: script("check-cves.sh") }),
  ],
}));

/** Builds the nightly build workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Nightly Build & Package",
    on: {
      // Daily at 09:00 UTC.
      schedule: [{ cron: "0 9 * * *" }],
      workflow_dispatch: dispatch,
    },
    permissions: {},
    env: { GO_VERSION: "1.27.1", NODE_VERSION: "24.21.0", GOTOOLCHAIN: "auto", GHCR_REGISTRY: "ghcr.io", DOCKERHUB_REGISTRY: "docker.io", IMAGE_NAME: "wikid82/charon" },
    jobs: [syncDevelopmentToNightly, triggerNightlyValidation, buildAndPushNightly, buildAndPushNightlyOrthrus, testNightlyImage, verifyNightlySupplyChain],
  });
}
