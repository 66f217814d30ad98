/**
 * The checkout step every job of the project uses: no credentials are left in the
 * workspace's git config, since no job pushes with git.
 */
import { actionsCheckout, type StepHandle, type StringInput, type unnamed } from "../kit/index.ts";

/** What a checkout may change besides the defaults. */
export interface CheckoutOptions {
  /** Commits to fetch (actions/checkout's `fetch-depth`); the default, 1, is the checked-out commit alone; 0 is the whole history. */
  readonly history?: number;
  /** The commit, branch or tag to check out (default: the one that triggered the run). */
  readonly ref?: StringInput;
  /** The step's name (default "Checkout"; `unnamed` for none). */
  readonly name?: string | typeof unnamed;
}

/**
 * `actions/checkout` with `persist-credentials: false`.
 * @param options what to change, or just the number of commits to fetch (`checkout(2)`)
 */
export function checkout(options: CheckoutOptions | number = {}): StepHandle {
  const { history, ref, name = "Checkout" } = typeof options === "number" ? { history: options } : options;
  return actionsCheckout({
    name,
    with: { "persist-credentials": false, ...(history === undefined ? {} : { "fetch-depth": history }), ...(ref === undefined ? {} : { ref }) },
  });
}
