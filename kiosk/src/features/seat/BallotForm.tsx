// Marking a ballot: three huge buttons for a resolution; a list with one row per project, candidate or subject
// for the others, with the live "已选 n/N" counter that refuses the 赞成 over the limit, and write-ins (另选他人).
import { useRef, useState } from 'react';
import type { VoteView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { canAddYes, checkDraft, choicesOf, setMark, unmarked, yesCount, yesLimit, type AnyMark, type Draft } from './ballot-model';

interface Props {
  vote: VoteView;
  draft: Draft;
  onChange(draft: Draft): void;
  onNext(): void;
}

function ResolutionBallot({ vote, draft, onChange, onNext }: Props) {
  const { t } = useI18n();
  const motion = vote.options[0];
  if (!motion) return null;
  const pick = (mark: AnyMark) => {
    const next = setMark(vote, draft, motion.id, mark);
    if (next === 'limit') return;
    onChange(next);
    onNext();
  };
  return (
    <div className="resolution-choices">
      {choicesOf('resolution').map((c) => (
        <button key={c.mark} type="button" className={`choice-xl ${c.tone} ${draft.marks[String(motion.id)] === c.mark ? 'selected' : ''}`} onClick={() => pick(c.mark)}>
          {t(c.label)}
        </button>
      ))}
    </div>
  );
}

function WriteIns({ vote, draft, onChange }: Omit<Props, 'onNext'>) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const addRow = useRef<HTMLDivElement>(null);
  const full = !canAddYes(vote, draft);
  // The box is the last thing in the scrolling list: keep the name field and 添加 in view above the footer when it
  // is used and when a name added above it pushes it down (on a 1280×800 tablet they slid under the footer).
  const keepInView = () => requestAnimationFrame(() => addRow.current?.scrollIntoView({ block: 'nearest' }));
  const add = () => {
    const trimmed = name.trim();
    if (!trimmed || full) return;
    onChange({ ...draft, writeIns: [...draft.writeIns, trimmed] });
    setName('');
    keepInView();
  };
  return (
    <div className="write-ins">
      <div className="row-label">{t('writeIn')}</div>
      {draft.writeIns.map((w, i) => (
        <div key={`${w}-${i}`} className="write-in-chip">
          <span>{w}</span>
          <button type="button" className="btn ghost" onClick={() => onChange({ ...draft, writeIns: draft.writeIns.filter((_, j) => j !== i) })}>
            {t('remove')}
          </button>
        </div>
      ))}
      <div className="write-in-add" ref={addRow}>
        <input className="text-input" onFocus={keepInView} value={name} maxLength={20} placeholder={t('writeInPlaceholder')} onChange={(e) => setName(e.target.value)} disabled={full} aria-label={t('writeIn')} />
        <button type="button" className="btn secondary" onClick={add} disabled={full || !name.trim()}>
          {t('add')}
        </button>
      </div>
    </div>
  );
}

function ListBallot({ vote, draft, onChange, onNext }: Props) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const limit = yesLimit(vote);
  const left = unmarked(vote, draft);
  const check = checkDraft(vote, draft);
  const pick = (optionId: number, mark: AnyMark) => {
    const next = setMark(vote, draft, optionId, mark);
    if (next === 'limit') {
      setNotice(t('maxReached', { max: limit ?? 0 }));
      return;
    }
    setNotice(null);
    onChange(next);
  };
  return (
    <div className="list-ballot">
      <div className="ballot-scroll">
        <ol className="option-list">
          {vote.options.map((o, i) => (
            <li key={o.id} className="option-row" data-option={o.id}>
              <div className="option-text">
                <span className="option-no">{i + 1}</span>
                <div>
                  <div className="row-label">{o.label}</div>
                  {o.description && <div className="row-desc">{o.description}</div>}
                </div>
              </div>
              <div className="segmented" role="radiogroup" aria-label={o.label}>
                {choicesOf(vote.kind).map((c) => {
                  const selected = draft.marks[String(o.id)] === c.mark;
                  const blocked = c.mark === 'yes' && !selected && !canAddYes(vote, draft);
                  return (
                    <button key={c.mark} type="button" role="radio" aria-checked={selected} className={`seg ${c.tone} ${selected ? 'selected' : ''} ${blocked ? 'blocked' : ''}`} onClick={() => pick(o.id, c.mark)}>
                      {t(c.label)}
                    </button>
                  );
                })}
              </div>
            </li>
          ))}
        </ol>
        {vote.kind === 'election' && vote.allowWriteIn && <WriteIns vote={vote} draft={draft} onChange={onChange} />}
      </div>
      <div className="ballot-footer">
        {limit !== null && (
          <div className={`counter ${yesCount(vote, draft) >= limit ? 'full' : ''}`} data-counter={`${yesCount(vote, draft)}/${limit}`}>
            {t('selected', { n: yesCount(vote, draft), max: limit })}
          </div>
        )}
        <div className="footer-note" role="status">
          {notice ?? (left > 0 ? t('remaining', { n: left }) : !check.ok ? check.message.split(' / ')[0] : '')}
        </div>
        <button type="button" className="btn primary xl" disabled={!check.ok} onClick={onNext}>
          {t('next')}
        </button>
      </div>
    </div>
  );
}

export function BallotForm(props: Props) {
  return props.vote.kind === 'resolution' ? <ResolutionBallot {...props} /> : <ListBallot {...props} />;
}
