// Face matching for check-in and seat identification: one in-memory gallery per body, loaded from SQLite on
// first use and kept current on enrollment and erasure. The kiosk sends camera frames; the server describes and decides.
import type { FaceEngine } from '../face/engine';
import { frameEngineName, getEngine, DEFAULT_ENGINE } from '../face/engines';
import { matchDefaultsFor } from '../face/match-defaults';
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
  return {
    engine,
    threshold: overrides.threshold ?? num(env.QUORUM_FACE_THRESHOLD, defaults.threshold),
    thresholdSeveral: overrides.thresholdSeveral ?? num(env.QUORUM_FACE_THRESHOLD_SEVERAL, defaults.thresholdSeveral),
    margin: overrides.margin ?? num(env.QUORUM_FACE_MARGIN, defaults.margin),
    strategy: overrides.strategy ?? strategy,
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
    const options: MatchOptions = { threshold: this.settings.threshold, thresholdSeveral: this.settings.thresholdSeveral, margin: this.settings.margin, strategy: this.settings.strategy };
    return (await this.gallery(bodyId)).match(probe, options);
  }

  /** 1:1: whether the probe is this deputy, at the same thresholds as match() (no margin: no one else competes). */
  async verify(bodyId: number, deputyId: number, probe: Float32Array): Promise<MatchResult> {
    const options: MatchOptions = { threshold: this.settings.threshold, thresholdSeveral: this.settings.thresholdSeveral, margin: 0, strategy: this.settings.strategy, restrictTo: new Set([deputyId]) };
    return (await this.gallery(bodyId)).match(probe, options);
  }
}
