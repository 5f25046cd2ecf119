// Evidence photos are personal data: they are kept only as long as the retention setting says, then dropped
// (the check-in record itself stays). Purged at start-up and hourly.
import { getSetting, setSetting } from '../repositories/settings-repository';
import { purgeEvidenceBefore } from '../repositories/faces-repository';
import { appendAudit } from '../repositories/audit-repository';
import type { Actor, ServiceContext } from './context';

/** Default: long enough for the 监督 review and objections after a session, no longer. */
export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function getRetentionDays(ctx: ServiceContext): Promise<number> {
  return (await getSetting<number>(ctx.db, 'evidence_retention_days')) ?? DEFAULT_RETENTION_DAYS;
}

export async function setRetentionDays(ctx: ServiceContext, days: number, actor: Actor): Promise<void> {
  await ctx.db.write(async (tx) => {
    await setSetting(tx, 'evidence_retention_days', days);
    await appendAudit(tx, { actor, action: 'settings.retention', detail: { days } });
  });
  await purgeExpiredEvidence(ctx);
}

export async function purgeExpiredEvidence(ctx: ServiceContext, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - (await getRetentionDays(ctx)) * DAY_MS).toISOString();
  return ctx.db.write(async (tx) => {
    const purged = await purgeEvidenceBefore(tx, cutoff);
    if (purged > 0) await appendAudit(tx, { actor: 'system', action: 'evidence.purge', detail: { purged, cutoff } });
    return purged;
  });
}
