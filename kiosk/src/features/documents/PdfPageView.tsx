// One page of the open document, drawn by pdf.js on a canvas at the tablet's pixel density (sharp type at any
// zoom), with the runs of the current find match marked. `zoom` is relative to the page's width fitting the
// screen (1 = 适合宽度). Two fingers pinch the page: it scales under the fingers as they move and is drawn again,
// sharp, at the new zoom when they lift.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { pdfRuntime } from '../../../../shared/pdf-browser';
import { usePinch } from './use-pinch';
import type { TextMatch } from './find-text';

/** Canvas pixels at most (a 4× zoom at density 2 would otherwise ask for a canvas of ~100 M pixels). */
const MAX_CANVAS_PIXELS = 16_000_000;
const PAD = 24;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Boxes (CSS pixels) of the text runs `items` on the page drawn at `scale`. */
async function boxesOf(page: Awaited<ReturnType<PDFDocumentProxy['getPage']>>, scale: number, match: TextMatch | null): Promise<Box[]> {
  if (!match) return [];
  const { items } = match;
  const { Util } = await pdfRuntime();
  const viewport = page.getViewport({ scale });
  const content = await page.getTextContent();
  return items.flatMap((i, k) => {
    const item = content.items[i];
    if (!item || !('transform' in item)) return [];
    const tx = Util.transform(viewport.transform, item.transform);
    const height = Math.hypot(tx[2]!, tx[3]!);
    const width = item.width * scale;
    // Only the matched part of the first and last runs (CJK runs are near monospace, so by character share).
    const from = k === 0 ? match.from : 0;
    const to = k === items.length - 1 ? match.to : 1;
    return [{ left: tx[4]! + width * from, top: tx[5]! - height, width: width * (to - from), height: height * 1.2 }];
  });
}

export function PdfPageView(props: { pdf: PDFDocumentProxy; page: number; zoom: number; marked: TextMatch | null; onPinch(factor: number): void }) {
  const { pdf, page: pageNumber, zoom, marked, onPinch } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = useWidth(scrollRef);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [rendered, setRendered] = useState('');
  const pinch = usePinch(scrollRef, onPinch);

  useEffect(() => {
    if (width === 0 || !canvasRef.current) return;
    let task: RenderTask | null = null;
    let gone = false;
    void (async () => {
      const page = await pdf.getPage(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const scale = ((width - PAD * 2) / base.width) * zoom;
      const cssW = base.width * scale;
      const cssH = base.height * scale;
      const density = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / (cssW * cssH)));
      const canvas = canvasRef.current;
      if (gone || !canvas) return;
      canvas.width = Math.floor(cssW * density);
      canvas.height = Math.floor(cssH * density);
      setSize({ width: cssW, height: cssH });
      task = page.render({ canvas, viewport: page.getViewport({ scale: scale * density }) });
      await task.promise;
      if (gone) return;
      const found = await boxesOf(page, scale, marked);
      setBoxes(found);
      // Bring the match into view: it may be at the foot of the page.
      const first = found[0];
      if (first && scrollRef.current) scrollRef.current.scrollTo({ top: Math.max(0, first.top - 120), left: Math.max(0, first.left - 60) });
      setRendered(`${pageNumber}@${zoom.toFixed(3)}x${density.toFixed(2)}`);
    })().catch(() => undefined);
    return () => {
      gone = true;
      task?.cancel();
    };
  }, [pdf, pageNumber, zoom, width, marked]);

  return (
    <div className="pdf-scroll" ref={scrollRef} data-rendered={rendered}>
      <div className="pdf-page" style={{ width: size.width, height: size.height, transform: pinch === 1 ? undefined : `scale(${pinch})` }}>
        <canvas ref={canvasRef} style={{ width: size.width, height: size.height }} aria-label={`page ${pageNumber}`} />
        {boxes.map((b, i) => (
          <div key={i} className="pdf-mark" data-mark style={{ left: b.left, top: b.top, width: b.width, height: b.height }} />
        ))}
      </div>
    </div>
  );
}
