// The seat tablet: the vote screens (SeatScreen) or 会议文件, with the documents kept in step in the background
// whichever is shown. Reading needs no face check. While the deputy reads, an open vote shows a banner that takes
// them to the ballot; from a ballot, 查看文件 opens its item's documents and 返回表决 comes back.
import { useEffect, useMemo, useState } from 'react';
import { pdfRuntime } from '../../../../shared/pdf-browser';
import type { DeviceView, VoteView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { meetingLine } from '../../realtime/meeting-line';
import { isDisconnected, type Live } from '../../realtime/use-live';
import { OfflineBanner, TopBar } from '../../ui/TopBar';
import { SeatScreen } from '../seat/SeatScreen';
import { DocumentsScreen } from './DocumentsScreen';
import { SeatDocumentsContext, type SeatDocumentsNav } from './seat-documents-context';
import { agendaOf } from './seat-agenda';
import { useDocumentSync } from './use-document-sync';
import { useDocWords } from './words';
import './documents.css';

function VoteOpenBanner({ vote, onGo }: { vote: VoteView; onGo(): void }) {
  const w = useDocWords();
  return (
    <div className="banner vote-open" role="alert" data-banner="vote-open">
      <span>{w('voteOpen', { title: vote.title })}</span>
      <button type="button" className="btn primary" onClick={onGo}>
        {w('goVote')}
      </button>
    </div>
  );
}

export function SeatShell({ device, live }: { device: DeviceView; live: Live }) {
  const { t } = useI18n();
  const w = useDocWords();
  const docs = useDocumentSync(device, live);
  // pdf.js and its worker now, while the server answers: reading must not need it later.
  useEffect(() => void pdfRuntime().catch(() => undefined), []);
  const [reading, setReading] = useState<{ itemId: number | null; fromBallot: boolean } | null>(null);
  const { agenda, currentItemId } = agendaOf(live.state, device.sittingId);
  const openVote = live.state?.votes.find((v) => v.sittingId === device.sittingId && v.state === 'open') ?? null;
  const documents = docs.manifest?.documents;
  const nav = useMemo<SeatDocumentsNav>(
    () => ({
      open: (itemId) => setReading({ itemId, fromBallot: itemId !== null }),
      countFor: (itemId) => documents?.filter((d) => d.agendaItemId === itemId).length ?? 0,
    }),
    [documents],
  );

  if (!reading)
    return (
      <SeatDocumentsContext.Provider value={nav}>
        <SeatScreen device={device} live={live} />
      </SeatDocumentsContext.Provider>
    );
  const back = () => setReading(null);
  return (
    <div className="app seat" data-screen="seat-documents">
      <TopBar title={w('documents')} subtitle={meetingLine(live.state, device)}>
        {device.seat && <span className="pill">{t('seatLabel', { seat: device.seat })}</span>}
      </TopBar>
      <OfflineBanner show={isDisconnected(live)} />
      {openVote && !reading.fromBallot && <VoteOpenBanner vote={openVote} onGo={back} />}
      <main className="seat-main">
        <DocumentsScreen docs={docs} agenda={agenda} currentItemId={currentItemId} focusItemId={reading.itemId} onBackToBallot={reading.fromBallot || openVote ? back : null} />
      </main>
    </div>
  );
}
