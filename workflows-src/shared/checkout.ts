/**
 * The checkout step every job of the project uses: no credentials are left in the
 * workspace's git config. A job that pushes with git writes its own checkout and says
 * why its credentials stay.
 */
import { actionsCheckout, actionsCheckoutV4, actionsCheckoutV7, unnamed, type StepHandle, type StringInput } from "../kit/index.ts";

/** What this file passes to a checkout binding: the inputs every release of actions/checkout has. */
type CheckoutCall = (spec: { name: string | typeof unnamed; with: { ref?: StringInput; "persist-credentials": boolean; "fetch-depth"?: number } }) => StepHandle;

/**
 * The pinned releases of actions/checkout, by major (the manifest's entries), each seen
 * through the inputs used here: a release that gains an input (a pin bump) keeps fitting.
 */
const releases: Readonly<Record<"v4" | "v6" | "v7", CheckoutCall>> = { v4: actionsCheckoutV4, v6: actionsCheckout, v7: actionsCheckoutV7 };

/** What a checkout may differ in; the credentials are never among them. */
export interface CheckoutOptions {
  /** The step's name (default "Checkout"; `unnamed` leaves the key out). */
  readonly name?: string | typeof unnamed;
  /** Commits to fetch (actions/checkout's `fetch-depth`): 1, the default, is the checked-out commit alone; 0 is the whole history. */
  readonly history?: number;
  /** The branch, tag or commit to check out (default: the event's). */
  readonly ref?: StringInput;
  /** The major release of actions/checkout (default v6). */
  readonly release?: keyof typeof releases;
}

/**
 * `actions/checkout` with `persist-credentials: false`.
 * @param options the step's name, the commits to fetch, the ref and the release
 */
export function checkout(options: CheckoutOptions = {}): StepHandle {
  const { name = "Checkout", history, ref, release = "v6" } = options;
  return releases[release]({
    name,
    with: { ...(ref === undefined ? {} : { ref }), "persist-credentials": false, ...(history === undefined ? {} : { "fetch-depth": history }) },
  });
}
