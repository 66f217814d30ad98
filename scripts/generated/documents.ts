/**
 * The generated files that are not workflows (catalogues, reports), one entry each.
 * `npm run gen` writes them and `npm run check` compares them like the workflows.
 */
import { ruleCatalogueFile } from "../lint/catalogue.ts";
import type { GeneratedFile } from "./generated-file.ts";

/** Builds one generated file from committed sources. */
export type DocumentEntry = () => GeneratedFile;

export const documents: readonly DocumentEntry[] = [ruleCatalogueFile];
