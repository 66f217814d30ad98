/**
 * Raised by a model when its input needs behaviour the model does not implement.
 * The simulation and the conformance run report it by feature name instead of
 * guessing an answer.
 */
export class UnsupportedFeature extends Error {
  constructor(readonly feature: string) {
    super(`"${feature}" is not modelled; the result would be a guess, so it is reported as unsupported`);
    this.name = "UnsupportedFeature";
  }
}
