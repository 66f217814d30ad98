/** `once` computes on first use only, and keeps even an undefined result. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { once } from "../../workflows-src/kit/once.ts";

test("once computes on the first call only", () => {
  let calls = 0;
  const value = once(() => {
    calls++;
    return calls === 1 ? undefined : "second";
  });
  assert.equal(calls, 0, "nothing is computed before the first call");
  assert.equal(value(), undefined);
  assert.equal(value(), undefined, "an undefined result is kept, not recomputed");
  assert.equal(calls, 1);
});
