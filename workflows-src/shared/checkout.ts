/**
 * The checkout step every job of the project uses: no credentials are left in the
 * workspace's git config. A job that pushes with git writes its own checkout and says
 * why its credentials stay.
 */
import { actionsCheckout, unnamed, type StepHandle, type StringInput } from "../kit/index.ts";

/** What a checkout may differ in; the credentials are never among them. */
export interface CheckoutOptions {
  /** The step's name (default "Checkout"; `unnamed` leaves the key out). */
  readonly name?: string | typeof unnamed;
  /** Commits to fetch (actions/checkout's `fetch-depth`): 1, the default, is the checked-out commit alone; 0 is the whole history. */
  readonly history?: number;
  /** The branch, tag or commit to check out (default: the event's). */
  readonly ref?: StringInput;
}

/**
 * `actions/checkout` with `persist-credentials: false`.
 * @param options the commits to fetch (a number, as `history`), or the step's name, history and ref
 */
export function checkout(options: number | CheckoutOptions = {}): StepHandle {
  const { name = "Checkout", history, ref } = typeof options === "number" ? { history: options } : options;
  return actionsCheckout({
    name,
    with: { ...(ref === undefined ? {} : { ref }), "persist-credentials": false, ...(history === undefined ? {} : { "fetch-depth": history }) },
  });
}
