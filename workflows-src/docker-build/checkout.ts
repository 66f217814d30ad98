/**
 * The checkout step every job of the project uses: no credentials are left in the
 * workspace's git config, since no job pushes with git.
 */
import { actionStep, pins, type StepHandle } from "../kit/index.ts";

/** `actions/checkout` with `persist-credentials: false`. */
export function checkout(): StepHandle {
  return actionStep({ name: "Checkout", uses: pins.checkout, with: { "persist-credentials": false } });
}
