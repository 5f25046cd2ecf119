// Small helpers shared by the repositories: the read/write handles they accept and time stamps.
import type { Database, Tx } from '../db/database';

/** Either the reader (committed data) or a write job's transaction. */
export type Reader = Pick<Database, 'get' | 'all'> | Tx;

export const now = (): string => new Date().toISOString();
