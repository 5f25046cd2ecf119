/** How many days check-in evidence photos may be kept: the schema checks it, the console asks within it. */
export const RETENTION_DAYS = { min: 1, max: 3650 } as const;
