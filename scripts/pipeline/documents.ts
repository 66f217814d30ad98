/**
 * The generated files made from committed sources other than the workflows (the
 * typed action bindings, the trigger events of GitHub's workflow schema), one entry per generator. `npm run gen` writes them and `npm run check` compares
 * them like the workflows.
 */
import { bindingFiles } from "../actions/render-bindings.ts";
import { eventTypeFiles } from "../schema/event-types.ts";
import type { GeneratedFile } from "../files/generated-file.ts";

/** Builds generated files from committed sources (throws `ValidationError` on bad sources). */
export type DocumentEntry = () => readonly GeneratedFile[];

export const documents: readonly DocumentEntry[] = [bindingFiles, eventTypeFiles];
