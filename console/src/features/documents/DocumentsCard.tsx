// 会议文件 of one sitting on the meeting page: upload (clerks and admins), then each document with its actions.
import type { SittingView } from '../../../../shared/views';
import { listDocuments } from '../../api/documents';
import { listAgenda } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { Card, Empty, ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { useMay } from '../auth/session';
import { DocumentRow } from './DocumentRow';
import { UploadForm } from './UploadForm';

export function DocumentsCard({ sitting }: { sitting: SittingView }) {
  const { t } = useI18n();
  const may = useMay();
  const docs = useAsync(() => listDocuments(sitting.id), [sitting.id]);
  const agenda = useAsync(() => listAgenda(sitting.id), [sitting.id]);
  const items = agenda.data ?? [];
  const itemTitle = (id: number | null) => (id === null ? t('docsWholeSitting') : (items.find((a) => a.id === id)?.title ?? ''));
  const editable = may('keepRecords');
  return (
    <Card title={t('docsTitle', { sitting: sitting.name })} className="documents-card">
      {editable && <UploadForm sittingId={sitting.id} agenda={items} onUploaded={docs.reload} />}
      <ErrorNote error={docs.error} />
      {!docs.data && !docs.error && <Loading />}
      {docs.data?.length === 0 && <Empty>{t('docsNone')}</Empty>}
      <ul className="doc-list">
        {docs.data?.map((d) => <DocumentRow key={d.id} doc={d} agendaTitle={itemTitle(d.agendaItemId)} editable={editable} onChanged={docs.reload} />)}
      </ul>
    </Card>
  );
}
