// A body (届): its rules, roster import, deputies, and its meetings.
import { getBody, listDeputies } from '../../api/bodies';
import { listBodyMeetings } from '../../api/meetings';
import { useI18n } from '../../i18n/I18n';
import { href } from '../../router';
import { Badge, Card, Empty, ErrorNote, Loading } from '../../ui/kit';
import { useAsync } from '../../ui/use-async';
import { RulesCard } from './RulesCard';
import { RulesForm } from '../rules/RulesForm';
import { useMay } from '../auth/session';
import { RosterImport } from './RosterImport';
import { DeputyTable } from './DeputyTable';
import { CreateMeetingForm } from './CreateMeetingForm';
import { AddDeputyForm } from './AddDeputyForm';
import { ArchiveBodyCard } from './ArchiveBodyCard';

export function BodyPage({ bodyId }: { bodyId: number }) {
  const { t } = useI18n();
  const may = useMay();
  const body = useAsync(() => getBody(bodyId), [bodyId]);
  const deputies = useAsync(() => listDeputies(bodyId), [bodyId]);
  const meetings = useAsync(() => listBodyMeetings(bodyId), [bodyId]);
  if (body.error) return <ErrorNote error={body.error} />;
  if (!body.data) return <Loading />;
  const b = body.data;
  const ofBody = meetings.data ?? [];
  // An archived congress is read, not changed: its records stay, the forms go.
  const mayKeep = may('keepRecords') && !b.archived;
  const refresh = () => {
    body.reload();
    deputies.reload();
  };
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <div className="crumbs">
            <a href={href('/')}>{t('navHome')}</a> /
          </div>
          <h1 className="page-title">
            {b.name} {b.archived && <Badge>{t('archivedBadge')}</Badge>}
          </h1>
          <p className="muted">
            {t('deputiesInOffice', { n: b.inOffice, total: b.deputies })} · <a href={href(`/bodies/${bodyId}/hall`)}>{t('navHall')}</a>
          </p>
        </div>
      </div>
      <div className="grid-2">
        {mayKeep && <RosterImport bodyId={bodyId} onImported={refresh} />}
        <div className="stack">
          <Card title={t('meetingsOfBody')}>
            {ofBody.length === 0 && <Empty>{t('noMeetings')}</Empty>}
            <ul className="link-list">
              {ofBody.map((m) => (
                <li key={m.id}>
                  <a href={href(`/meetings/${m.id}`)}>
                    <strong>{m.name}</strong>
                    <span className="muted">{m.sittings.map((s) => s.name).join('、')}</span>
                  </a>
                </li>
              ))}
            </ul>
            {mayKeep && <CreateMeetingForm bodyId={bodyId} />}
          </Card>
          {may('administer') && !b.archived ? <RulesForm body={b} onSaved={body.reload} /> : <RulesCard rules={b.rules} />}
        </div>
      </div>
      <Card title={t('deputies')}>
        <ErrorNote error={deputies.error} />
        {deputies.data ? <DeputyTable deputies={deputies.data} onChanged={refresh} readOnly={b.archived} /> : <Loading />}
        {mayKeep && <AddDeputyForm bodyId={bodyId} onAdded={refresh} />}
      </Card>
      {may('administer') && !b.archived && <ArchiveBodyCard body={b} />}
    </div>
  );
}
