// Issue 21 point 3: what separates a real head turn from a 2-D warp of one still photo, as the server's landmarks see
// it. No video of real turns is here; ../shared/faces has photos of one person at different yaws (real 3-D pose,
// taken on different occasions). Each photo is placed in a camera frame as the test camera places it (480×360 JPEG)
// and read by the server's frame engine.
// - real pairs: a frontal photo (|yaw| ≤ MAX_FRONT_YAW) and another photo of the same person that today's turn check
//   takes as turned from it (checkTurnFrames, the frontal frame standing in for the back one);
// - warped pairs: the same frontal photo warped to the same yaw change by each model in lib/flat-warps.ts and the
//   test camera's bump (turnWarp); the thin-plate warp takes its motion from another person's real pair.
// Per pair: the turn (yawOf change) and how far the 68 landmarks are from one plane's homography (planeResidual, in
// inter-ocular distances), and the nose's share of the motion. People split by name order, half to fit a bound and
// half to report it; East Asian apart.
//   npx tsx tests/bench/turn-vs-warp.ts [--people 55]
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { getEngine, frameEngineName, DEFAULT_ENGINE } from '../../server/face/engines';
import { readEvalSet, loadGroups, defaultGroupsFile } from '../tools/face-eval/dataset';
import { FACES_DIR, turnWarp, type Anchor } from '../helpers/fake-camera';
import { checkTurnFrames, MAX_FRONT_YAW, RETURN_DELTA } from '../../shared/face/head-turn';
import { widthShare, yawOf, type Point } from '../../shared/face/geometry';
import { interOcular, planeResidual } from './lib/plane-fit';
import { W, H, perspectivePoint, perspectiveWarp, thinPlateWarp, transferMotion, type Perspective } from './lib/flat-warps';

const { values } = parseArgs({ options: { people: { type: 'string', default: '100' }, rows: { type: 'boolean', default: false } }, allowPositionals: true });
const REPO = resolve(import.meta.dirname, '..', '..');
const set = readEvalSet(FACES_DIR);
const groups = loadGroups(defaultGroupsFile(FACES_DIR, REPO));
const engine = getEngine(frameEngineName(DEFAULT_ENGINE));
const SCALE = W / 480;
const PER_PERSON = 4; // landmarks of the 480×360 frame in the 640×480 canvas the warps work on

/** The photo drawn centred on the camera's grey, 90% of the frame's height (as the test camera does). */
async function placed(photo: string): Promise<Uint8ClampedArray> {
  const img = await loadImage(join(FACES_DIR, photo));
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#8a8f94';
  ctx.fillRect(0, 0, W, H);
  const s = Math.min(W / img.width, H / img.height) * 0.9;
  ctx.drawImage(img, (W - img.width * s) / 2, (H - img.height * s) / 2, img.width * s, img.height * s);
  return ctx.getImageData(0, 0, W, H).data;
}

/** The frame as a kiosk sends it (480×360, JPEG q0.8) and the server's landmarks of its largest face, in canvas px. */
async function landmarksOf(rgba: Uint8ClampedArray): Promise<Point[] | null> {
  const full = createCanvas(W, H);
  const data = full.getContext('2d').createImageData(W, H);
  data.data.set(rgba);
  full.getContext('2d').putImageData(data, 0, 0);
  const out = createCanvas(480, 360);
  out.getContext('2d').drawImage(full, 0, 0, 480, 360);
  const faces = await engine.detect(await out.encode('jpeg', 80));
  const main = [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0];
  return main ? main.landmarks.map((p) => ({ x: p.x * SCALE, y: p.y * SCALE })) : null;
}

type Shot = { photo: string; rgba: Uint8ClampedArray; lm: Point[]; yaw: number };
type Pair = { who: string; east: boolean; fit: boolean; kind: string; turn: number; residual: number; parallax: number; admitted: string; follow?: number };

/**
 * Nose against eyes, each against the face's outline (mean of the 17 jaw points), sideways, per face height: a real
 * nose stands further out of the face than the eyes, so it moves further in a turn.
 */
function parallax(f: Point[], t: Point[]): number {
  const rel = (lm: Point[], from: number, to: number) => {
    const h = Math.hypot(lm[27]!.x - lm[8]!.x, lm[27]!.y - lm[8]!.y);
    let x = 0;
    for (let i = from; i <= to; i++) x += lm[i]!.x / (to - from + 1);
    const o = lm.slice(0, 17).reduce((a, p) => a + p.x, 0) / 17;
    return (x - o) / h;
  };
  return (rel(t, 30, 30) - rel(f, 30, 30)) / (rel(t, 36, 47) - rel(f, 36, 47));
}

/** What today's check says of frontal → turned (the frontal frame as the back one), and the features. */
/** RMS distance of the landmarks found in a warped frame from where the warp put the photo's own, per inter-ocular distance. */
function follow(meant: Point[], found: Point[]): number {
  const d = meant.reduce((a, p, i) => a + (p.x - found[i]!.x) ** 2 + (p.y - found[i]!.y) ** 2, 0);
  return Math.sqrt(d / meant.length) / interOcular(meant);
}

function measure(who: string, east: boolean, fit: boolean, kind: string, f: Point[], t: Point[]): Pair {
  const side = yawOf(t) > yawOf(f) ? 'left' : 'right';
  const v = checkTurnFrames(side, f, t, f, RETURN_DELTA + 0.03);
  return { who, east, fit, kind, turn: Math.abs(yawOf(t) - yawOf(f)), residual: planeResidual(f, t), parallax: parallax(f, t), admitted: v.ok ? 'ok' : v.why };
}

/** The test camera's bump strength that moves the detected yaw by `target` (signed), by secant steps. */
async function bumpTo(f: Shot, target: number): Promise<Point[] | null> {
  const lm = f.lm;
  const rx = 0.55 * Math.abs(lm[16]!.x - lm[0]!.x);
  const anchor: Anchor = { cx: lm[30]!.x, cy: lm[30]!.y, rx, ry: rx * 1.36 };
  let amp = 0.2 * Math.sign(target);
  let best: Point[] | null = null;
  for (let step = 0; step < 3; step++) {
    const t = await landmarksOf(turnWarp(f.rgba, amp, anchor));
    if (!t) return best;
    best = t;
    const moved = yawOf(t) - f.yaw;
    if (Math.abs(moved - target) < 0.01 || moved * target <= 0) break;
    amp = Math.max(-0.6, Math.min(0.6, (amp * target) / moved));
  }
  return best;
}

/** A perspective whose landmark image has the target yaw change and the frontal face's width share (analytic). */
function perspectiveFor(lm: Point[], target: number): Perspective | null {
  const c = lm[30]!;
  const reach = Math.max(...lm.map((p) => Math.abs(p.x - c.x)));
  const at = (g: number): { p: Perspective; dy: number } => {
    let p: Perspective = { c, g, s: 1 };
    for (let k = 0; k < 4; k++) p = { ...p, s: (p.s * widthShare(lm)) / widthShare(lm.map((q) => perspectivePoint(p, q))) };
    return { p, dy: yawOf(lm.map((q) => perspectivePoint(p, q))) - yawOf(lm) };
  };
  let lo = -0.8 / reach;
  let hi = 0.8 / reach;
  const sign = at(hi).dy > at(lo).dy ? 1 : -1;
  if ((target - at(lo).dy) * (target - at(hi).dy) > 0) return null; // beyond what a perspective of this face gives
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if ((at(mid).dy - target) * sign > 0) hi = mid;
    else lo = mid;
  }
  return at((lo + hi) / 2).p;
}

const people = set.identities.filter((p) => p.candidates.length >= 2).slice(0, Number(values.people));
const shots = new Map<string, Shot[]>();
for (const [i, who] of people.entries()) {
  const mine: Shot[] = [];
  for (const photo of who.candidates) {
    const rgba = await placed(photo).catch(() => null);
    const lm = rgba && (await landmarksOf(rgba));
    if (rgba && lm) mine.push({ photo, rgba, lm, yaw: yawOf(lm) });
  }
  shots.set(who.name, mine);
  process.stderr.write(`read ${i + 1}/${people.length}\r`);
}

// Real pairs: every frontal photo with every photo today's check takes as a turn from it.
const real: Array<{ who: string; f: Shot; t: Shot; pair: Pair }> = [];
for (const [k, who] of people.entries()) {
  const east = groups.of(who.name) === 'east_asian';
  const mine: typeof real = [];
  for (const f of shots.get(who.name) ?? []) {
    if (Math.abs(f.yaw) > MAX_FRONT_YAW) continue;
    for (const t of shots.get(who.name) ?? []) {
      if (t === f) continue;
      const pair = measure(who.name, east, k % 2 === 0, 'real', f.lm, t.lm);
      if (pair.admitted === 'ok') mine.push({ who: who.name, f, t, pair });
    }
  }
  // At most PER_PERSON pairs a person, spread over their turns (a person with many photos would weigh too much).
  mine.sort((a, b) => a.pair.turn - b.pair.turn);
  const n = Math.min(PER_PERSON, mine.length);
  for (let j = 0; j < n; j++) real.push(mine[Math.floor((j * mine.length) / n)]!);
}
const pairs: Pair[] = real.map((r) => r.pair);
for (const [i, r] of real.entries()) {
  const target = r.t.yaw - r.f.yaw;
  const { east, fit } = r.pair;
  const squeeze: Perspective = { c: { x: r.f.lm[30]!.x + 15, y: r.f.lm[30]!.y }, g: 0, s: 0.95 };
  const still = await landmarksOf(perspectiveWarp(r.f.rgba, squeeze));
  if (still) pairs.push({ ...measure(r.who, east, fit, 'still (moved, scaled)', r.f.lm, still), follow: follow(r.f.lm.map((p) => perspectivePoint(squeeze, p)), still) });
  const bump = await bumpTo(r.f, target);
  if (bump) pairs.push(measure(r.who, east, fit, 'bump (test camera)', r.f.lm, bump));
  const persp = perspectiveFor(r.f.lm, target);
  const seen = persp && (await landmarksOf(perspectiveWarp(r.f.rgba, persp)));
  pairs.push(seen ? { ...measure(r.who, east, fit, 'perspective', r.f.lm, seen), follow: follow(r.f.lm.map((p) => perspectivePoint(persp, p)), seen) } : { ...r.pair, kind: 'perspective', residual: NaN, parallax: NaN, admitted: 'unreachable' });
  // The donor: another person's real pair turning the same way, the closest in yaw change.
  const donor = real.filter((d) => d.who !== r.who && Math.sign(d.t.yaw - d.f.yaw) === Math.sign(target)).sort((a, b) => Math.abs(a.t.yaw - a.f.yaw - target) - Math.abs(b.t.yaw - b.f.yaw - target))[0];
  const meant = donor && transferMotion(donor.f.lm, donor.t.lm, r.f.lm);
  const plate = meant && (await landmarksOf(thinPlateWarp(r.f.rgba, r.f.lm, meant)));
  if (meant && plate) pairs.push({ ...measure(r.who, east, fit, 'thin-plate (donor turn)', r.f.lm, plate), follow: follow(meant, plate) });
  process.stderr.write(`warp ${i + 1}/${real.length}\r`);
}

const q = (xs: number[], p: number) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))]! : NaN;
};
const fmt = (xs: number[]) => (xs.length ? `${q(xs, 0).toFixed(3)} / ${q(xs, 0.1).toFixed(3)} / ${q(xs, 0.5).toFixed(3)} / ${q(xs, 0.9).toFixed(3)} / ${q(xs, 1).toFixed(3)}` : '—');
const kinds = [...new Set(pairs.map((p) => p.kind))];
console.log(`${people.length} people with 2+ photos, ${real.length} real pairs admitted by today's turn check (fit half ${real.filter((r) => r.pair.fit).length}, report half ${real.filter((r) => !r.pair.fit).length})`);
console.log('plane residual (RMS, inter-ocular units): min / 10% / median / 90% / max — only pairs today\'s turn check admits');
for (const half of [true, false]) {
  for (const east of [true, false]) {
    for (const kind of kinds) {
      const rows = pairs.filter((p) => p.fit === half && p.east === east && p.kind === kind);
      const ok = kind.startsWith('still') ? rows : rows.filter((p) => p.admitted === 'ok'); // a still photo is refused as no_turn: its residual is the landmark net's floor
      const why = [...new Set(rows.filter((p) => p.admitted !== 'ok').map((p) => p.admitted))].map((w) => `${w} ${rows.filter((p) => p.admitted === w).length}`).join(', ');
      if (rows.length === 0) continue;
      console.log(`${half ? 'fit   ' : 'report'} ${east ? 'East Asian' : 'other     '} ${kind.padEnd(24)} admitted ${String(ok.length).padStart(3)} of ${String(rows.length).padStart(3)}${why ? ` (${why})` : ''}  residual ${fmt(ok.map((p) => p.residual))}  parallax ${fmt(ok.map((p) => p.parallax))}  turn ${fmt(ok.map((p) => p.turn))}${ok.some((p) => p.follow !== undefined) ? `  landmarks off the warp's ${fmt(ok.map((p) => p.follow ?? NaN))}` : ''}`);
    }
  }
}
// A bound below every real pair of the fit half, at half its lowest residual (margin ×2): what it catches on the report half.
const fitReal = pairs.filter((p) => p.fit && p.kind === 'real').map((p) => p.residual);
const bound = q(fitReal, 0) / 2;
console.log(`\nbound = half the fit half's lowest real residual = ${bound.toFixed(4)}`);
for (const kind of kinds) {
  for (const east of [true, false]) {
    const rows = pairs.filter((p) => !p.fit && p.east === east && p.kind === kind && p.admitted === 'ok');
    console.log(`report ${east ? 'East Asian' : 'other     '} ${kind.padEnd(24)} under the bound (refused): ${rows.filter((p) => p.residual < bound).length} of ${rows.length}`);
  }
}
if (values.rows) for (const p of pairs) console.log(JSON.stringify(p));
