// The two folder layouts `npm run face:eval` reads, and the identity → group labels used to split its figures.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface EvalIdentity {
  name: string;
  /** Photos to enroll from, in order (paths relative to the set's root); refused ones are skipped, as a clerk would. */
  candidates: string[];
  /** How many accepted candidates to enroll. */
  enrollCount: number;
  /** Flat layout: candidates after the enrolled ones are the probes. Split layout: unused. */
  leftoverAreProbes: boolean;
  probes: string[];
}

export interface EvalSet {
  root: string;
  /**
   * 'split': enroll/<person>/*, probe/<person>/*, probe/strangers/* (a held-out set).
   * 'flat': ../shared/faces as it is: <person>/* with the first K accepted photos enrolled and the rest probed.
   */
  layout: 'split' | 'flat';
  identities: EvalIdentity[];
  strangers: string[];
  noFace: string[];
  spoof: string[];
  /** Live captures beside the spoofs (spoof/genuine/), of nobody enrolled. */
  genuineLive: string[];
  /** Photos that must be refused as 'multiple_faces' at enrollment (flat layout's multi/). */
  multi: string[];
  skipped: { path: string; why: string }[];
}

const IMAGE = /\.(jpe?g|png|webp)$/i;
const collator = new Intl.Collator('en', { numeric: true });
const FLAT_SPECIAL = new Set(['strangers', 'no-face', 'spoof', 'multi']);

/** @param enrollPerPerson photos enrolled per person: flat layout default 1, split layout default all of enroll/. */
export function readEvalSet(folder: string, enrollPerPerson?: number): EvalSet {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`not a folder: ${root}`);
  const split = existsSync(join(root, 'enroll')) && existsSync(join(root, 'probe'));
  return split ? readSplit(root, enrollPerPerson) : readFlat(root, enrollPerPerson ?? 1);
}

function readSplit(root: string, k: number | undefined): EvalSet {
  const set = emptySet(root, 'split');
  const probeDirs = new Set(subdirs(join(root, 'probe')).filter((d) => d !== 'strangers'));
  for (const name of subdirs(join(root, 'enroll'))) {
    const candidates = images(root, `enroll/${name}`);
    const probes = probeDirs.has(name) ? images(root, `probe/${name}`) : [];
    set.identities.push({ name, candidates, enrollCount: k ?? candidates.length, leftoverAreProbes: false, probes });
    probeDirs.delete(name);
  }
  for (const name of probeDirs) {
    for (const p of images(root, `probe/${name}`)) set.skipped.push({ path: p, why: 'no enroll/ folder for this person' });
  }
  set.strangers = images(root, 'probe/strangers');
  readExtras(set, root);
  return set;
}

function readFlat(root: string, k: number): EvalSet {
  const set = emptySet(root, 'flat');
  for (const name of subdirs(root).filter((d) => !FLAT_SPECIAL.has(d))) {
    set.identities.push({ name, candidates: images(root, name), enrollCount: k, leftoverAreProbes: true, probes: [] });
  }
  set.strangers = images(root, 'strangers');
  readExtras(set, root);
  set.multi = images(root, 'multi');
  return set;
}

/**
 * no-face/ and spoof/ at the root (or under probe/). spoof/genuine/ holds live captures, not attacks, of people
 * enrolled nowhere: checked at check-in like the spoofs (they must match nobody) but not counted as spoofs.
 */
function readExtras(set: EvalSet, root: string): void {
  for (const base of ['', 'probe/']) {
    set.noFace.push(...images(root, `${base}no-face`));
    set.spoof.push(...images(root, `${base}spoof`));
    set.genuineLive.push(...images(root, `${base}spoof/genuine`));
  }
}

function emptySet(root: string, layout: EvalSet['layout']): EvalSet {
  return { root, layout, identities: [], strangers: [], noFace: [], spoof: [], genuineLive: [], multi: [], skipped: [] };
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(collator.compare);
}

function images(root: string, rel: string): string[] {
  const dir = join(root, rel);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && IMAGE.test(e.name))
    .map((e) => `${rel}/${e.name}`)
    .sort(collator.compare);
}

/** Identity (folder name) or stranger file (path relative to the set) → group name. */
export interface Groups {
  default: string;
  of(key: string): string;
  names(): string[];
}

/** tests/fixtures/face-groups.json shape: { "default": "other", "groups": { "east_asian": ["hu_jintao", "strangers/15.jpg", ...] } } */
export function loadGroups(file: string | null): Groups {
  if (!file) return { default: 'all', of: () => 'all', names: () => ['all'] };
  const json = JSON.parse(readFileSync(file, 'utf8')) as { default?: string; groups: Record<string, string[]> };
  const byKey = new Map<string, string>();
  for (const [group, keys] of Object.entries(json.groups)) for (const key of keys) byKey.set(key, group);
  const fallback = json.default ?? 'other';
  const names = [...Object.keys(json.groups), fallback].filter((g, i, all) => all.indexOf(g) === i);
  return { default: fallback, of: (key) => byKey.get(key) ?? fallback, names: () => names };
}

/** The groups file to use when none is given: ours for ../shared/faces, none elsewhere. */
export function defaultGroupsFile(folder: string, repoRoot: string): string | null {
  const shared = resolve(repoRoot, '..', 'shared', 'faces');
  const fixture = resolve(repoRoot, 'tests', 'fixtures', 'face-groups.json');
  const same = existsSync(shared) && realpathSync(resolve(folder)) === realpathSync(shared);
  return same && existsSync(fixture) ? fixture : null;
}
