// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

export { actionsAttestSbom, type ActionsAttestSbomInputs, type ActionsAttestSbomOutputs } from "./actions-attest-sbom.ts";
export { actionsCheckout, type ActionsCheckoutInputs, type ActionsCheckoutOutputs } from "./actions-checkout.ts";
export { actionsDownloadArtifact, type ActionsDownloadArtifactInputs, type ActionsDownloadArtifactOutputs } from "./actions-download-artifact.ts";
export { actionsGithubScript, type ActionsGithubScriptInputs, type ActionsGithubScriptOutputs } from "./actions-github-script.ts";
export { actionsSetupNode, type ActionsSetupNodeInputs, type ActionsSetupNodeOutputs } from "./actions-setup-node.ts";
export { actionsUploadArtifact, type ActionsUploadArtifactInputs, type ActionsUploadArtifactOutputs } from "./actions-upload-artifact.ts";
export { anchoreSbomAction, type AnchoreSbomActionInputs, type AnchoreSbomActionOutputs } from "./anchore-sbom-action.ts";
export { anchoreSbomActionDownloadSyft, type AnchoreSbomActionDownloadSyftInputs, type AnchoreSbomActionDownloadSyftOutputs } from "./anchore-sbom-action-download-syft.ts";
export { anchoreScanAction, type AnchoreScanActionInputs, type AnchoreScanActionOutputs } from "./anchore-scan-action.ts";
export { anchoreScanActionDownloadGrype, type AnchoreScanActionDownloadGrypeInputs, type AnchoreScanActionDownloadGrypeOutputs } from "./anchore-scan-action-download-grype.ts";
export { aquasecurityTrivyAction, type AquasecurityTrivyActionInputs, type AquasecurityTrivyActionOutputs } from "./aquasecurity-trivy-action.ts";
export { dockerBuildPushAction, type DockerBuildPushActionInputs, type DockerBuildPushActionOutputs } from "./docker-build-push-action.ts";
export { dockerLoginAction, type DockerLoginActionInputs, type DockerLoginActionOutputs } from "./docker-login-action.ts";
export { dockerMetadataAction, type DockerMetadataActionInputs, type DockerMetadataActionOutputs } from "./docker-metadata-action.ts";
export { dockerSetupBuildxAction, type DockerSetupBuildxActionInputs, type DockerSetupBuildxActionOutputs } from "./docker-setup-buildx-action.ts";
export { dockerSetupQemuAction, type DockerSetupQemuActionInputs, type DockerSetupQemuActionOutputs } from "./docker-setup-qemu-action.ts";
export { githubCodeqlActionUploadSarif, type GithubCodeqlActionUploadSarifInputs, type GithubCodeqlActionUploadSarifOutputs } from "./github-codeql-action-upload-sarif.ts";
export { sigstoreCosignInstaller, type SigstoreCosignInstallerInputs, type SigstoreCosignInstallerOutputs } from "./sigstore-cosign-installer.ts";
