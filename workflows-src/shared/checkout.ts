/**
 * The checkout step every job of the project uses: no credentials are left in the
 * workspace's git config, since no job pushes with git.
 */
import { actionsCheckout, type StepHandle } from "../kit/index.ts";

/**
 * `actions/checkout` with `persist-credentials: false`.
 * @param history commits to fetch (actions/checkout's `fetch-depth`); the default, 1, is the checked-out commit alone
 */
export function checkout(history?: number): StepHandle {
  return actionsCheckout({ name: "Checkout", with: { "persist-credentials": false, ...(history === undefined ? {} : { "fetch-depth": history }) } });
}
