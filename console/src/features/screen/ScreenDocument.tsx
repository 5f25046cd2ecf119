// 投屏 on the big screen: the page the chair put up, drawn by pdf.js (served by our server) at the screen's own
// pixel density, as large as the hall needs: the whole page, or its upper or lower half at twice the size so a
// printed A4 page reads from the back of the hall (16 pt body text ≈ 46 px at 1080 lines).
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { documentFileUrl } from '../../../../shared/documents';
import { openPdf } from '../../../../shared/pdf-browser';
import type { Projection } from '../../../../shared/projection';
import { useI18n } from '../../i18n/I18n';

/** One open document at a time: the screen keeps it while the chair turns its pages. */
function usePdfOf(sha256: string): PDFDocumentProxy | 'failed' | null {
  const [pdf, setPdf] = useState<PDFDocumentProxy | 'failed' | null>(null);
  useEffect(() => {
    let doc: PDFDocumentProxy | null = null;
    let gone = false;
    setPdf(null);
    void (async () => {
      const res = await fetch(documentFileUrl(sha256), { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      doc = await openPdf(await res.arrayBuffer());
      if (gone) return void doc.destroy();
      setPdf(doc);
    })().catch(() => !gone && setPdf('failed'));
    return () => {
      gone = true;
      void doc?.destroy();
    };
  }, [sha256]);
  return pdf;
}

export function ScreenDocument({ projection: p }: { projection: Projection }) {
  const { t } = useI18n();
  const pdf = usePdfOf(p.sha256);
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState('');
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    if (!pdf || pdf === 'failed' || !box || !canvas) return;
    let gone = false;
    let task: ReturnType<Awaited<ReturnType<PDFDocumentProxy['getPage']>>['render']> | null = null;
    void (async () => {
      const page = await pdf.getPage(p.page);
      const base = page.getViewport({ scale: 1 });
      const half = p.view === 'page' ? 1 : 0.5;
      const scale = Math.min(box.clientWidth / base.width, box.clientHeight / (base.height * half));
      const density = window.devicePixelRatio || 1;
      if (gone) return;
      canvas.width = Math.floor(base.width * scale * density);
      canvas.height = Math.floor(base.height * scale * density);
      canvas.style.width = `${base.width * scale}px`;
      canvas.style.height = `${base.height * scale}px`;
      setOffset(p.view === 'bottom' ? base.height * scale * 0.5 : 0);
      task = page.render({ canvas, viewport: page.getViewport({ scale: scale * density }) });
      await task.promise;
      if (!gone) setDrawn(`${p.sha256.slice(0, 8)}:${p.page}:${p.view}`);
    })().catch(() => undefined);
    return () => {
      gone = true;
      task?.cancel();
    };
  }, [pdf, p.page, p.view, p.sha256]);

  return (
    <div className="screen-document" data-projection={drawn}>
      <div className="screen-document-title">
        <span>{p.title}</span>
        <span className="screen-document-page">{t('projPageOf', { page: p.page, pages: p.pages })}</span>
      </div>
      <div className="screen-document-box" ref={boxRef}>
        {pdf === null && <div className="screen-wait">{t('projLoading')}</div>}
        {pdf === 'failed' && <div className="screen-wait">{t('projFailed')}</div>}
        <canvas ref={canvasRef} style={{ marginTop: -offset }} />
      </div>
    </div>
  );
}
