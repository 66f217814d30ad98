/**
 * The pin table: every action the workflows use, pinned to a full commit, with the
 * release tag that commit carries. `uses:` strings are made only from here, and the
 * emitter writes the tag as the `# <tag>` comment after each pin.
 */

/** One pinned action: `owner/repo[/path]`, its 40-hex commit and the release tag of that commit. */
export interface Pin {
  readonly action: string;
  readonly commit: string;
  readonly tag: string;
}

const table = {
  checkout: { action: "actions/checkout", commit: "8e8c483db84b4bee98b60c0593521ed34d9990e8", tag: "v6.0.1" },
  setupQemu: { action: "docker/setup-qemu-action", commit: "c7c53464625b32c7a7e944ae62b3e17d2b600130", tag: "v3.7.0" },
  setupBuildx: { action: "docker/setup-buildx-action", commit: "8d2750c68a42422c14e847fe6c8ac0403b4cbd6f", tag: "v3.12.0" },
  login: { action: "docker/login-action", commit: "5e57cd118135c172c3672efd75eb46360885c0ef", tag: "v3.6.0" },
  metadata: { action: "docker/metadata-action", commit: "c299e40c65443455700f0fdfc63efafe5b349051", tag: "v5.10.0" },
  buildPush: { action: "docker/build-push-action", commit: "263435318d21b8e681c14492fe198d362a7d2c83", tag: "v6.18.0" },
  uploadArtifact: { action: "actions/upload-artifact", commit: "b7c566a772e6b6bfb58ed0dc250532a479d7789f", tag: "v6.0.0" },
  downloadArtifact: { action: "actions/download-artifact", commit: "37930b1c2abaa49bbe596cd826c3c89aef350131", tag: "v7.0.0" },
  githubScript: { action: "actions/github-script", commit: "f28e40c7f34bde8b3046d885e986cb6290c5673b", tag: "v7.1.0" },
  uploadSarif: { action: "github/codeql-action/upload-sarif", commit: "19b2f06db2b6f5108140aeb04014ef02b648f789", tag: "v4.31.11" },
  trivy: { action: "aquasecurity/trivy-action", commit: "b6643a29fecd7f34b3597bc6acb0a98b03d33ff8", tag: "v0.33.1" },
  sbom: { action: "anchore/sbom-action", commit: "62ad5284b8ced813296287a0b63906cb364b73ee", tag: "v0.22.0" },
  downloadSyft: { action: "anchore/sbom-action/download-syft", commit: "62ad5284b8ced813296287a0b63906cb364b73ee", tag: "v0.22.0" },
  scan: { action: "anchore/scan-action", commit: "62b74fb7bb810d2c45b1865f47a77655621862a5", tag: "v7.2.3" },
  downloadGrype: { action: "anchore/scan-action/download-grype", commit: "62b74fb7bb810d2c45b1865f47a77655621862a5", tag: "v7.2.3" },
  attestSbom: { action: "actions/attest-sbom", commit: "4651f806c01d8637787e274ac3bdf724ef169f34", tag: "v3.0.0" },
  cosignInstaller: { action: "sigstore/cosign-installer", commit: "d7d6bc7722e3daa8354c50bcb52f4837da5e9b6a", tag: "v3.8.1" },
  setupNode: { action: "actions/setup-node", commit: "395ad3262231945c25e8478fd5baf05154b1d79f", tag: "v6.1.0" },
} as const satisfies Record<string, Pin>;

/** The pinned actions, by short name. */
export const pins: { readonly [K in keyof typeof table]: Pin } = table;

/** The `uses:` value of a pin: `owner/repo[/path]@<commit>`. */
export function usesOf(pin: Pin): string {
  return `${pin.action}@${pin.commit}`;
}

/** The pin a `uses:` value was made from, if it was made from this table. */
export function pinOfUses(uses: string): Pin | undefined {
  return Object.values(pins).find((pin) => usesOf(pin) === uses);
}
