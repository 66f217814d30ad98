/**
 * The checkout step every job of the project uses: no credentials are left in the
 * workspace's git config, since no job pushes with git.
 */
import { actionsCheckout, type StepHandle, type StringInput } from "../kit/index.ts";

/**
 * `actions/checkout` with `persist-credentials: false`.
 * @param history commits to fetch (actions/checkout's `fetch-depth`); the default, 1, is the checked-out commit alone
 * @param ref the commit, branch or tag to check out (default: the one that triggered the run)
 */
export function checkout(history?: number, ref?: StringInput): StepHandle {
  return actionsCheckout({
    name: "Checkout",
    with: { "persist-credentials": false, ...(history === undefined ? {} : { "fetch-depth": history }), ...(ref === undefined ? {} : { ref }) },
  });
}
