// Create a vote of any kind: resolution, project vote (N of M), election (seats, write-ins), rating (subjects);
// secrecy (记名/无记名), change policy, and the pass rule (the body's default unless changed).
import { useState, type FormEvent } from 'react';
import { defaultSecrecy, describePassRule } from '../../../../shared/rules';
import type { BodyRules, ChangePolicy, PassRule, Secrecy, VoteKind } from '../../../../shared/types';
import type { AgendaItemView } from '../../../../shared/views';
import { KIND_LABELS } from '../../../../shared/labels';
import { createVoteWithItem } from '../../api/agenda';
import { useI18n } from '../../i18n/I18n';
import { Card, ErrorNote, Field } from '../../ui/kit';
import { PassRuleField, defaultRule } from './PassRuleField';

const KINDS: VoteKind[] = ['resolution', 'project', 'election', 'rating'];

export function CreateVoteForm({ sittingId, rules, agenda, onDone }: { sittingId: number; rules: BodyRules; agenda: AgendaItemView[]; onDone(): void }) {
  const { t, pick } = useI18n();
  const [kind, setKind] = useState<VoteKind>('resolution');
  const [title, setTitle] = useState('');
  const [secrecy, setSecrecy] = useState<Secrecy>(defaultSecrecy('resolution'));
  /** Set once the clerk picks a secrecy; until then it follows the kind's default. */
  const [secrecyChosen, setSecrecyChosen] = useState(false);
  const chooseKind = (k: VoteKind) => {
    setKind(k);
    if (!secrecyChosen) setSecrecy(defaultSecrecy(k));
  };
  const [changePolicy, setChangePolicy] = useState<ChangePolicy>('last');
  const [options, setOptions] = useState('');
  const [maxYes, setMaxYes] = useState(1);
  const [allowWriteIn, setAllowWriteIn] = useState(true);
  const [rule, setRule] = useState<PassRule | null>(null);
  // The vote belongs to an agenda item: the current one by default, or a new one of the vote's title.
  const [agendaId, setAgendaId] = useState<number | 'new'>(() => agenda.find((a) => a.current)?.id ?? 'new');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const optionLabels = options.split('\n').map((s) => s.trim()).filter(Boolean);
  const optionsLabel = kind === 'project' ? t('optionsProjects') : kind === 'election' ? t('optionsCandidates') : t('optionsSubjects');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      // One request: the server makes the item and the vote together, so a refused form leaves no item behind.
      await createVoteWithItem(sittingId, {
        ...(agendaId === 'new' ? { newItem: { title: title.trim() } } : { agendaItemId: agendaId }),
        vote: {
          kind,
          title: title.trim(),
          secrecy,
          changePolicy,
          ...(kind !== 'resolution' && { options: optionLabels.map((label) => ({ label })) }),
          ...((kind === 'project' || kind === 'election') && { maxYes }),
          ...(kind === 'election' && { allowWriteIn }),
          ...(rule && kind !== 'rating' && { passRule: rule }),
        },
      });
      onDone();
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };
  return (
    <Card title={t('newVote')} className="create-vote">
      <form onSubmit={submit} className="form-grid">
        <div className="segmented" role="radiogroup" aria-label={t('voteKind')}>
          {KINDS.map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'active' : ''} onClick={() => chooseKind(k)}>
              {pick(KIND_LABELS[k])}
            </button>
          ))}
        </div>
        <Field label={t('voteTitle')}>
          <input name="voteTitle" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t(`titlePlaceholder_${kind}`)} required />
        </Field>
        {agenda.length > 0 && (
          <Field label={t('agendaItem')}>
            <select name="agendaItem" value={agendaId} onChange={(e) => setAgendaId(e.target.value === 'new' ? 'new' : Number(e.target.value))}>
              <option value="new">{t('agendaNew')}</option>
              {agenda.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.position}. {a.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        {kind !== 'resolution' && (
          <Field label={optionsLabel} hint={t('onePerLine', { n: optionLabels.length })}>
            <textarea name="options" rows={4} value={options} onChange={(e) => setOptions(e.target.value)} required />
          </Field>
        )}
        <div className="form-grid form-grid-3">
          {(kind === 'project' || kind === 'election') && (
            <Field label={kind === 'project' ? t('maxYesProject') : t('seats')}>
              <input name="maxYes" type="number" min={1} max={200} value={maxYes} onChange={(e) => setMaxYes(Number(e.target.value))} />
            </Field>
          )}
          <Field label={t('secrecy')}>
            <select name="secrecy" value={secrecy} onChange={(e) => (setSecrecy(e.target.value as Secrecy), setSecrecyChosen(true))}>
              <option value="open">{t('secrecyOpen')}</option>
              <option value="secret">{t('secrecySecret')}</option>
            </select>
          </Field>
          <Field label={t('changePolicy')}>
            <select name="changePolicy" value={changePolicy} onChange={(e) => setChangePolicy(e.target.value as ChangePolicy)}>
              <option value="last">{t('changeLast')}</option>
              <option value="first">{t('changeFirst')}</option>
            </select>
          </Field>
        </div>
        {kind === 'election' && secrecy === 'open' && (
          <div className="warn-note" role="alert" data-testid="open-election-warning">
            {t('openElectionWarning')}
          </div>
        )}
        {kind === 'election' && (
          <label className="check">
            <input type="checkbox" checked={allowWriteIn} onChange={(e) => setAllowWriteIn(e.target.checked)} /> {t('allowWriteIn')}
          </label>
        )}
        {kind === 'rating' ? (
          <p className="muted">{t('ratingRuleNote')}</p>
        ) : (
          <PassRuleField value={rule} fallback={defaultRule(rules, kind)} onChange={setRule} />
        )}
        {rule && <p className="muted small">{pick(describePassRule(rule))}</p>}
        <ErrorNote error={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onDone}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('createVote')}
          </button>
        </div>
      </form>
    </Card>
  );
}
