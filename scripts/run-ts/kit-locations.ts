/**
 * Connects the runner's call-site mapper to the kit. When a command runs as a bundle
 * (scripts/run-ts.mjs), the runner publishes a mapper from bundle positions to
 * TypeScript lines; the kit records where each object was built from call sites, so
 * it is handed that mapper. Under tsx there is none and the kit reads Node's source maps.
 */
import { useCallSiteMapper, type CallSiteMapper } from "../../workflows-src/kit/source-location.ts";

/** The global under which scripts/run-ts/stack-map.mjs publishes its mapper. */
const CALL_SITE_MAPPER = Symbol.for("run-ts.mapCallSite");

const mapper = (globalThis as Record<symbol, CallSiteMapper | undefined>)[CALL_SITE_MAPPER];
if (mapper) useCallSiteMapper(mapper);
