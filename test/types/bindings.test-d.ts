/**
 * Compile-time tests of the action bindings, checked by `npm run typecheck` (this
 * file is never run). Each `@ts-expect-error` line must fail to compile — if it
 * compiled, the directive itself would be the error — and the lines without it
 * must compile.
 */
import {
  actionsAttestSbom,
  actionsCheckout,
  actionsUploadArtifact,
  dockerBuildPushAction,
  dockerLoginAction,
  dockerMetadataAction,
  eq,
  fromJSON,
  github,
  githubScriptStep,
  orElse,
  tpl,
  type Expr,
  type JsonExpr,
} from "../../workflows-src/kit/index.ts";

// Correct forms.
const meta = dockerMetadataAction({
  name: "Extract metadata",
  id: "meta",
  with: { images: [tpl`ghcr.io/${github.repositoryOwner}/app`], tags: ["type=sha"], context: "git" },
});
const tags: Expr<string> = meta.outputs.tags;
const firstTag: JsonExpr<string> = fromJSON(meta.outputs.json).get("tags").at(0);
const created: JsonExpr<string> = fromJSON(meta.outputs.json).get("labels").get("org.opencontainers.image.created");
const withFallback: JsonExpr<string[]> = fromJSON(orElse(meta.outputs.json, "{}")).get("tags");
const build = dockerBuildPushAction({
  name: "Build",
  id: "build",
  after: [meta],
  with: { tags: meta.outputs.tags, push: false, load: eq(github.eventName, "pull_request"), platforms: ["linux/amd64", "linux/arm64"] },
});
const digest: Expr<string> = build.outputs.digest;
actionsUploadArtifact({ name: "Upload", with: { path: "dist", "retention-days": 1, "if-no-files-found": "error", overwrite: true } });
actionsAttestSbom({ name: "Attest", with: { "sbom-path": "sbom.json", "push-to-registry": true } });
actionsCheckout({ name: "Checkout" });
actionsCheckout({ name: "Checkout", with: { submodules: "recursive", "fetch-depth": 0 } });
dockerLoginAction({ name: "Login", with: { registry: "ghcr.io", username: github.actor, ecr: false } });
githubScriptStep({ name: "Script", script: "return 1", with: { "result-encoding": "string" } });
void [tags, firstTag, created, withFallback, digest];

// A misspelled input.
// @ts-expect-error "imagez" is not an input of docker/metadata-action
dockerMetadataAction({ name: "Extract metadata", with: { imagez: ["x"] } });
// @ts-expect-error "tag" is not an input of docker/build-push-action
dockerBuildPushAction({ name: "Build", with: { tag: ["x"] } });

// A missing required input.
// @ts-expect-error actions/upload-artifact requires "path"
actionsUploadArtifact({ name: "Upload", with: { name: "x" } });
// @ts-expect-error actions/attest-sbom requires "sbom-path", so "with" is required
actionsAttestSbom({ name: "Attest" });
// @ts-expect-error the step name is required
actionsCheckout({ with: {} });

// A wrong input type.
// @ts-expect-error "push" is a boolean, not the string "true"
dockerBuildPushAction({ name: "Build", with: { push: "true" } });
// @ts-expect-error "push" takes a condition, not a string expression
dockerBuildPushAction({ name: "Build", with: { push: github.ref } });
// @ts-expect-error "retention-days" is a number
actionsUploadArtifact({ name: "Upload", with: { path: "dist", "retention-days": "1" } });
// @ts-expect-error "if-no-files-found" is one of warn, error, ignore
actionsUploadArtifact({ name: "Upload", with: { path: "dist", "if-no-files-found": "fail" } });
// @ts-expect-error "context" is "workflow" or "git"
dockerMetadataAction({ name: "Extract metadata", with: { context: "github" } });
// @ts-expect-error "tags" is a list: lines, or one expression that yields the list
dockerBuildPushAction({ name: "Build", with: { tags: "ghcr.io/acme/app:latest" } });
// @ts-expect-error "registry" is a string input, not a boolean
dockerLoginAction({ name: "Login", with: { registry: true } });
// @ts-expect-error github-script's body is the script option, never a with: input
githubScriptStep({ name: "Script", script: "return 1", with: { script: "return 2" } });

// Reading an output the action does not have.
// @ts-expect-error docker/metadata-action has no "digest" output
void meta.outputs.digest;
// @ts-expect-error docker/login-action declares no outputs
void dockerLoginAction({ name: "Login", id: "login" }).outputs.registry;
// @ts-expect-error a step without an id has no outputs to read
void dockerMetadataAction({ name: "Extract metadata" }).outputs.tags;
// @ts-expect-error the metadata JSON has no "tagz"
void fromJSON(meta.outputs.json).get("tagz");
// @ts-expect-error "labels" is a map, not an array
void fromJSON(meta.outputs.json).get("labels").at(0);
