// What a tablet may hold: its sitting's documents that are for tablets, not withdrawn, of a body not archived — the
// current version of each. The manifest is the whole list (a tablet drops whatever it holds that is not in it), and
// a file is served to a tablet only if its hash is in that tablet's manifest. 'presidium' documents stay on the
// staff console: nothing in the roster says which deputy sits on the presidium (README, 会议文件).
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { DeviceManifest, ManifestEntry } from '../../shared/documents';
import type { DeviceView } from '../../shared/views';
import * as docs from '../repositories/documents-repository';
import { archivedBodyIds } from '../repositories/bodies-repository';
import type { ServiceContext } from './context';
import { getSitting } from './meeting-service';

/** Modes of tablets that read documents: seat tablets, and the big screen (投屏). */
export const READING_MODES = ['seat', 'screen'] as const;

async function sittingArchived(ctx: ServiceContext, sittingId: number): Promise<boolean> {
  const sitting = await getSitting(ctx, sittingId);
  return (await archivedBodyIds(ctx.db)).has(sitting.bodyId);
}

/** Refuses changes to the documents of a sitting of an archived body (its record is closed). */
export async function assertSittingOpenForDocuments(ctx: ServiceContext, sittingId: number): Promise<void> {
  if (await sittingArchived(ctx, sittingId)) {
    throw new AppError('ERR_CONFLICT', '该届人民代表大会已归档，不能再更改会议文件 / The congress is archived: its documents cannot change');
  }
}

const etagOf = (sittingId: number | null, entries: ManifestEntry[]) =>
  `m-${createHash('sha256').update(JSON.stringify([sittingId, entries])).digest('hex').slice(0, 32)}`;

/** The manifest of a sitting's tablets (empty for an archived body). */
export async function sittingManifest(ctx: ServiceContext, sittingId: number): Promise<DeviceManifest> {
  const entries: ManifestEntry[] = [];
  if (!(await sittingArchived(ctx, sittingId))) {
    for (const d of await docs.listSittingDocuments(ctx.db, sittingId)) {
      if (d.visibility !== 'tablets' || d.withdrawn) continue;
      const { name, sha256, size, pages, version, outline } = d.current;
      entries.push({ id: d.id, title: d.title, name, agendaItemId: d.agendaItemId, sha256, size, pages, version, outline });
    }
  }
  return { sittingId, etag: etagOf(sittingId, entries), documents: entries };
}

/** A tablet's manifest: its sitting's, or an empty one when it has none. */
export async function deviceManifest(ctx: ServiceContext, device: DeviceView): Promise<DeviceManifest> {
  if (device.sittingId === null) return { sittingId: null, etag: etagOf(null, []), documents: [] };
  return sittingManifest(ctx, device.sittingId);
}

const NOT_YOURS = () => new AppError('ERR_NOT_FOUND', '找不到该文件，或本终端无权读取 / No such file, or not for this tablet');

/** Refuses a file the caller may not read: staff read any stored version; a tablet only what its manifest lists. */
export async function assertMayReadFile(ctx: ServiceContext, sha256: string, reader: { staff: boolean; device: DeviceView | null }): Promise<void> {
  if (reader.staff) {
    if (!(await docs.isStoredVersion(ctx.db, sha256))) throw NOT_YOURS();
    return;
  }
  const device = reader.device;
  if (!device || !(READING_MODES as readonly string[]).includes(device.mode) || device.sittingId === null) throw NOT_YOURS();
  if (!(await docs.tabletMayRead(ctx.db, device.sittingId, sha256)) || (await sittingArchived(ctx, device.sittingId))) throw NOT_YOURS();
}
