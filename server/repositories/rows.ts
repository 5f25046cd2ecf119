// Small helpers shared by the repositories: the read/write handles they accept, time stamps, the body's order.
import type { Database, Tx } from '../db/database';

/** Either the reader (committed data) or a write job's transaction. */
export type Reader = Pick<Database, 'get' | 'all'> | Tx;

export const now = (): string => new Date().toISOString();

/** A deputy's delegation rank in its body: the roster's first deputy of that delegation (NULL for none). */
const DELEGATION_RANK = `(SELECT MIN(o.id) FROM deputies o WHERE o.body_id = d.body_id AND TRIM(o.delegation) = NULLIF(TRIM(d.delegation), ''))`;

/**
 * The body's order of deputies (alias `d`), one order on the roster, the attendance sheet and the result sheet:
 * delegations as the roster first lists them (the body's own order, not an alphabet), no delegation last, then
 * the roster's order within each.
 */
export const BODY_ORDER = `${DELEGATION_RANK} IS NULL, ${DELEGATION_RANK}, d.id`;
