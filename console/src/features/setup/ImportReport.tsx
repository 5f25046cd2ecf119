// What an import did: counts, and one line per refused row or photo with the reason.
import type { FileImportReport } from '../../api/bodies';
import { useI18n } from '../../i18n/I18n';
import type { DictKey } from '../../i18n/dict';
import { Badge } from '../../ui/kit';

const PHOTO_REASONS: Record<string, DictKey> = {
  no_face: 'photoNoFace',
  low_score: 'photoLowScore',
  multiple_faces: 'photoMultiple',
  face_too_small: 'photoTooSmall',
  unreadable: 'photoUnreadable',
  too_large: 'photoTooLarge',
  unknown_photo: 'photoMissing',
  ambiguous_photo: 'photoAmbiguous',
  no_photo: 'photoNotGiven',
};

/** The reason in words: its label, then the server's detail unless it only says the label again (未提供照片：未提供照片). */
function reasonText(label: string, detail: string, colon: string): string {
  if (!label || detail.includes(label)) return detail;
  return detail ? `${label}${colon}${detail}` : label;
}

/** `partial`: the problems found so far by an import still running (no totals yet). */
export function ImportReport({ report, withPhotos, partial }: { report: FileImportReport; withPhotos: boolean; partial?: boolean }) {
  const { t, server } = useI18n();
  const problems = [
    ...report.errors.map((e) => ({ row: e.row, kind: t('problemRow'), file: '', reason: '', message: e.message })),
    ...report.photos.failed.map((f) => ({ row: f.row, kind: t('problemPhoto'), file: f.file, reason: f.reason, message: f.message })),
  ].sort((a, b) => a.row - b.row);
  return (
    <div className="import-report" data-testid={partial ? 'import-problems-so-far' : 'import-report'}>
      {!partial && <div className="chips">
        <Badge tone="good">{t('importCreated', { n: report.created })}</Badge>
        <Badge tone="info">{t('importUpdated', { n: report.updated })}</Badge>
        {withPhotos && <Badge tone={report.photos.enrolled ? 'good' : 'neutral'}>{t('importEnrolled', { n: report.photos.enrolled })}</Badge>}
        <Badge tone={problems.length ? 'bad' : 'good'}>{t('importProblems', { n: problems.length })}</Badge>
      </div>}
      {problems.length === 0 ? (
        <p className="ok-line">{t('importAllGood')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('rowNo')}</th>
              <th>{t('problemKind')}</th>
              <th>{t('file')}</th>
              <th>{t('problemReason')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td className="num">{p.row}</td>
                <td className="nowrap">{p.kind}</td>
                <td className="nowrap">{p.file}</td>
                <td>{reasonText(PHOTO_REASONS[p.reason] ? t(PHOTO_REASONS[p.reason]!) : '', server(p.message), t('colon'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
