/**
 * The checkout step every job of the project uses: no credentials are left in the
 * workspace's git config, since no job pushes with git.
 */
import { actionsCheckout, type StepHandle } from "../kit/index.ts";

/** `actions/checkout` with `persist-credentials: false`. */
export function checkout(): StepHandle {
  return actionsCheckout({ name: "Checkout", with: { "persist-credentials": false } });
}
