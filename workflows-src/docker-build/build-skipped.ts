/**
 * Whether `build-and-push` skipped the build, as its consumers see it. The verify
 * job runs on its negation and the skipped twin on it, so on every pull request
 * whose build job succeeded exactly one of the two runs.
 */
import { eq, type Condition, type NeededJob } from "../kit/index.ts";

/** `needs.build-and-push.outputs.skip_build == 'true'`. */
export function buildSkipped(build: NeededJob<"skip_build">): Condition {
  return eq(build.outputs.skip_build, "true");
}
