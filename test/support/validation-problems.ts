/**
 * The problems a `ValidationError` lists, for tests of code that validates external
 * data; fails the test when nothing (or something else) is thrown.
 */
import assert from "node:assert/strict";
import { ValidationError } from "../../scripts/files/validation-error.ts";

/** Runs `run` and returns the problems of the `ValidationError` it throws. */
export function validationProblems(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  assert.fail("expected a ValidationError");
}
