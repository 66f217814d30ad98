/**
 * Keys the kit requires, left out on purpose. Every workflow, job and step has a name
 * and every workflow and job declares its token permissions; a file written by hand
 * may have neither, and an imported one keeps it that way until it is fixed. These
 * values say so visibly where the key would be.
 */
import type { Expr, Template } from "./expr.ts";

/** In place of a `name`: the node has no `name:` key (logs show GitHub's default). */
export const unnamed: unique symbol = Symbol("unnamed");

/**
 * In place of `permissions`: no `permissions:` key, so the token gets the repository's
 * default scopes. The `excessive-permissions` rule reports it unless it is waived.
 */
export const defaultPermissions: unique symbol = Symbol("defaultPermissions");

/** A job's or step's name (it may read expressions, e.g. the matrix), or `unnamed`. */
export type Name = string | Expr<string> | Template | typeof unnamed;
