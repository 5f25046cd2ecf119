// Face matching for check-in and seat identification: one in-memory gallery per body, loaded from SQLite on
// first use and kept current on enrollment and erasure. The kiosk sends camera frames; the server describes and decides.
import type { FaceEngine } from '../face/engine';
import { frameEngineName, getEngine, DEFAULT_ENGINE } from '../face/engines';
import { matchDefaultsFor } from '../face/match-defaults';
import { matchOptionsForRoll, rollOperatingPoint, type RollOperatingPoint } from '../face/roll-tail';
import { Gallery, type MatchOptions, type MatchResult } from '../face/matcher';
import { descriptorsOfBody, descriptorsOfDeputy } from '../repositories/faces-repository';
import type { Database } from '../db/database';

export interface FaceSettings {
  /** Engine name in server/face/engines.ts; its model is the one the kiosks must compute. */
  engine: string;
  threshold: number;
  /** Threshold for a deputy enrolled with two or more photos (match-defaults.ts). */
  thresholdSeveral: number;
  margin: number;
  strategy: 'best' | 'mean';
  /**
   * The thresholds follow the number of deputies enrolled (roll-tail.ts): unit-length engines, unless a threshold
   * was set (environment, tests); then `threshold` and `thresholdSeveral` hold whatever the roll's size.
   */
  scaleWithRoll: boolean;
}

/** What a kiosk needs to compute descriptors the server can match. */
export interface FaceConfig {
  model: string;
  dimensions: number;
  threshold: number;
  margin: number;
}

/**
 * Settings from the environment, then `overrides` (tests, benches). Threshold, margin and strategy default to the
 * chosen engine's measured values (match-defaults.ts): a faceapi distance means nothing to arcface and back.
 */
export function faceSettingsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<FaceSettings> = {}): FaceSettings {
  const num = (v: string | undefined, fallback: number) => (v !== undefined && Number.isFinite(Number(v)) ? Number(v) : fallback);
  const engine = overrides.engine ?? env.QUORUM_FACE_ENGINE ?? DEFAULT_ENGINE;
  const defaults = matchDefaultsFor(getEngine(engine));
  const strategy = env.QUORUM_FACE_STRATEGY === 'mean' || env.QUORUM_FACE_STRATEGY === 'best' ? env.QUORUM_FACE_STRATEGY : defaults.strategy;
  const thresholdSet = [overrides.threshold, overrides.thresholdSeveral, env.QUORUM_FACE_THRESHOLD, env.QUORUM_FACE_THRESHOLD_SEVERAL].some((v) => v !== undefined);
  return {
    engine,
    threshold: overrides.threshold ?? num(env.QUORUM_FACE_THRESHOLD, defaults.threshold),
    thresholdSeveral: overrides.thresholdSeveral ?? num(env.QUORUM_FACE_THRESHOLD_SEVERAL, defaults.thresholdSeveral),
    margin: overrides.margin ?? num(env.QUORUM_FACE_MARGIN, defaults.margin),
    strategy: overrides.strategy ?? strategy,
    scaleWithRoll: overrides.scaleWithRoll ?? (getEngine(engine).unitLength === true && !thresholdSet),
  };
}

export class FaceService {
  private readonly galleries = new Map<number, Promise<Gallery>>();

  constructor(
    private readonly db: Database,
    readonly settings: FaceSettings,
  ) {}

  /** The engine (models load on its first detect; constructing it is cheap). */
  get engine(): FaceEngine {
    return getEngine(this.settings.engine);
  }

  /** The same model with the kiosk's detector, for check-in camera frames (engines.ts, frameEngineName). */
  get frameEngine(): FaceEngine {
    return getEngine(frameEngineName(this.settings.engine));
  }

  config(): FaceConfig {
    const { model, dimensions } = this.engine;
    return { model, dimensions, threshold: this.settings.threshold, margin: this.settings.margin };
  }

  private gallery(bodyId: number): Promise<Gallery> {
    let g = this.galleries.get(bodyId);
    if (!g) {
      g = (async () => {
        const gallery = new Gallery(this.engine.dimensions, { unitMeans: this.engine.unitLength });
        for (const [deputyId, list] of await descriptorsOfBody(this.db, bodyId, this.engine.model)) gallery.set(deputyId, list);
        return gallery;
      })();
      g.catch(() => this.galleries.delete(bodyId));
      this.galleries.set(bodyId, g);
    }
    return g;
  }

  /** Re-reads one deputy's descriptors after enrollment or erasure. */
  async refreshDeputy(bodyId: number, deputyId: number): Promise<void> {
    if (!this.galleries.has(bodyId)) return; // loaded fresh on first use
    const gallery = await this.gallery(bodyId);
    gallery.set(deputyId, await descriptorsOfDeputy(this.db, deputyId, this.engine.model));
  }

  /**
   * Matches against EVERY enrolled deputy of the body, never only the sitting's roster: measured, a roster-only
   * gallery accepts an off-roster look-alike as the nearest person on it (1,058 of 16,083 such probes in
   * BENCHMARKS.md "which descriptor model"), while the full gallery plus "refuse a match who is not on the roster" accepted 0.
   */
  async match(bodyId: number, probe: Float32Array): Promise<MatchResult> {
    const gallery = await this.gallery(bodyId);
    return gallery.match(probe, this.matchOptions(gallery.size));
  }

  /** The options for a roll of `enrolled` people: scaled with it (roll-tail.ts), or the fixed settings. */
  matchOptions(enrolled: number): MatchOptions {
    const { threshold, thresholdSeveral, margin, strategy } = this.settings;
    const fixed: MatchOptions = { threshold, thresholdSeveral, margin, strategy };
    return this.settings.scaleWithRoll ? matchOptionsForRoll({ threshold, thresholdSeveral, margin, strategy }, enrolled) : fixed;
  }

  /** Deputies of the body with a face enrolled (for this engine's model): the N a check-in searches. */
  async enrolledCount(bodyId: number): Promise<number> {
    return (await this.gallery(bodyId)).size;
  }

  /** The stated rate and the thresholds it takes for `enrolled` people; null when the thresholds are fixed. */
  operatingPoint(enrolled: number): RollOperatingPoint | null {
    return this.settings.scaleWithRoll ? rollOperatingPoint(enrolled) : null;
  }

  /** 1:1: whether the probe is this deputy, at the same thresholds as match() (no margin: no one else competes). */
  async verify(bodyId: number, deputyId: number, probe: Float32Array): Promise<MatchResult> {
    const options: MatchOptions = { threshold: this.settings.threshold, thresholdSeveral: this.settings.thresholdSeveral, margin: 0, strategy: this.settings.strategy, restrictTo: new Set([deputyId]) };
    return (await this.gallery(bodyId)).match(probe, options);
  }
}
