/**
 * `.github/workflows/build-offline.yml`: a canary for the image build that compiles
 * Caddy and CrowdSec from source inside the Dockerfile (`make build-offline`), the path
 * a fork, an air-gapped operator or anyone without GHCR access falls back to and that
 * no other workflow builds end to end. amd64 only (arm64 would compile under QEMU for
 * no extra signal) and advisory, not a required check: weekly to catch upstream drift,
 * and on pull requests that change what the inline stages build.
 */
import { dockerSetupBuildxActionV4, emittedWorkflowPath, github, job, scriptFile, scriptStep, tpl, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./build-offline/${file}`);

const buildOffline = job("build-offline", {}, () => ({
  name: "Build offline image (amd64, from-source Caddy + CrowdSec)",
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  // About 14 minutes of inline compiling on top of the normal build; headroom for a cold cache.
  "timeout-minutes": 35,
  steps: [
    checkout({ name: "Checkout repository", release: "v7" }),
    dockerSetupBuildxActionV4({ name: "Set up Docker Buildx" }),
    scriptStep({ name: "Build charon:offline (inline toolchain path)", run: script("build-image.sh") }),
    scriptStep({ name: "Smoke-check the from-source binaries landed in the image", run: script("smoke-check.sh") }),
  ],
}));

/** Builds the offline-build canary. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Build (offline / inline toolchain)",
    on: {
      workflow_dispatch: null,
      // Wednesday 08:00 UTC, clear of the daily toolchain build and the weekly security scans.
      schedule: [{ cron: "0 8 * * 3" }],
      // Only what can change what the inline stages build: they take no build context
      // beyond the Dockerfile's own stages, so the recipe is the Dockerfile and the context's shape.
      pull_request: { paths: ["Dockerfile", ".dockerignore", "Makefile", emittedWorkflowPath(import.meta.url)] },
    },
    permissions: {},
    concurrency: { group: tpl`build-offline-${github.ref}`, "cancel-in-progress": true },
    jobs: [buildOffline],
  });
}
