// Cartoon faces drawn on a canvas (a head, two eyes, brows, a nose, a mouth, sometimes hair and ears), with seeded
// variety in shape, colour and placement: drawings nobody tuned a rule on, for the not-a-face bench.
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { mulberry32 as random } from '../../helpers/seeded-random';


export async function drawnFaces(n: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const r = random(1000 + i);
    const c = createCanvas(480, 560);
    const g = c.getContext('2d');
    g.fillStyle = `hsl(${Math.floor(r() * 360)}, 30%, ${70 + r() * 25}%)`;
    g.fillRect(0, 0, 480, 560);
    const cx = 240 + (r() - 0.5) * 40;
    const cy = 290 + (r() - 0.5) * 40;
    const rx = 120 + r() * 50;
    const ry = 150 + r() * 50;
    const skin = `hsl(${20 + r() * 20}, ${40 + r() * 30}%, ${55 + r() * 30}%)`;
    g.fillStyle = skin;
    if (r() < 0.6) {
      for (const s of [-1, 1]) {
        g.beginPath();
        g.ellipse(cx + s * rx, cy, 22, 36, 0, 0, Math.PI * 2);
        g.fill();
      }
    }
    g.beginPath();
    g.ellipse(cx, cy, rx, ry, 0, 0, Math.PI * 2);
    g.fill();
    g.lineWidth = 3 + r() * 4;
    g.strokeStyle = '#222';
    g.stroke();
    if (r() < 0.7) {
      g.fillStyle = `hsl(${Math.floor(r() * 50)}, 40%, ${10 + r() * 30}%)`;
      g.beginPath();
      g.ellipse(cx, cy - ry * 0.7, rx * 1.02, ry * 0.45, 0, Math.PI, Math.PI * 2);
      g.fill();
    }
    const ey = cy - ry * (0.1 + r() * 0.2);
    const ex = rx * (0.32 + r() * 0.15);
    const er = 14 + r() * 16;
    for (const s of [-1, 1]) {
      g.fillStyle = '#fff';
      g.beginPath();
      g.ellipse(cx + s * ex, ey, er * 1.3, er, 0, 0, Math.PI * 2);
      g.fill();
      g.stroke();
      g.fillStyle = r() < 0.5 ? '#111' : `hsl(${Math.floor(r() * 360)}, 60%, 30%)`;
      g.beginPath();
      g.arc(cx + s * ex + (r() - 0.5) * er * 0.4, ey, er * 0.5, 0, Math.PI * 2);
      g.fill();
      g.beginPath();
      g.moveTo(cx + s * ex - er * 1.2, ey - er * 1.6);
      g.quadraticCurveTo(cx + s * ex, ey - er * (2 + r()), cx + s * ex + er * 1.2, ey - er * 1.6);
      g.stroke();
    }
    g.beginPath();
    g.moveTo(cx, ey + er);
    g.lineTo(cx - 12 - r() * 12, cy + ry * 0.2);
    g.lineTo(cx + 6, cy + ry * 0.22);
    g.stroke();
    const my = cy + ry * (0.45 + r() * 0.15);
    const mw = rx * (0.3 + r() * 0.3);
    g.beginPath();
    g.moveTo(cx - mw, my);
    g.quadraticCurveTo(cx, my + (r() - 0.3) * 60, cx + mw, my);
    g.lineWidth = 5;
    g.strokeStyle = '#a22';
    g.stroke();
    out.push(await c.encode('jpeg', 90));
  }
  return out;
}

/** Emoji drawn with a colour emoji font (Debian's fonts-noto-color-emoji), 300 px on a 480-px grey square. */
export async function emojiFaces(fontPath: string, emoji: readonly string[]): Promise<Buffer[]> {
  GlobalFonts.registerFromPath(fontPath, 'BenchEmoji');
  const out: Buffer[] = [];
  for (const e of emoji) {
    const c = createCanvas(480, 480);
    const g = c.getContext('2d');
    g.fillStyle = '#dddddd';
    g.fillRect(0, 0, 480, 480);
    g.font = '300px BenchEmoji';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(e, 240, 250);
    out.push(await c.encode('jpeg', 90));
  }
  return out;
}

/** Animal faces of the emoji set (a dog first). */
export const ANIMAL_EMOJI = [...'🐶🐱🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐺🐗🐴🦄🐲🐔🐧🙈'];
/** Drawn human faces and smileys of the emoji set. */
export const HUMAN_EMOJI = [...'😀😃😄😁😆😅😂🙂😉😊😇🥰😍🤩😘😋😛😜🤪😝🤑🤗🤭🤫🤔🤐🤨😐😑😶😏😒🙄😬😌😔😪🤤😴😷🤒🤕🤢🤮🤧🥵🥶🥴😵🤯🤠🥳😎🤓🧐😕😟🙁😮😯😲😳🥺😦😧😨😰😥😢😭😱😖😣😞😓😩😫🥱😤😡😠🤬😈👿💀🤡👹👺👻👽🤖👶🧒👦👧🧑👱👨🧔👩🧓👴👵'];
