/**
 * Values computed on first use and kept: the kit records source locations for every
 * object it builds, but only problems and findings ever read them.
 */

/** A function that computes `compute()` on its first call and returns that value ever after. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
