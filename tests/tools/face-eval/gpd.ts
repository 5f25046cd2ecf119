// Generalized Pareto distribution for peaks over a threshold: the tail of impostor similarities above a level u is
// modelled as u + Y, Y ~ GPD(shape ξ, scale σ). Fitted by probability-weighted moments (Hosking & Wallis 1987):
// closed form, no optimiser, and well behaved for the few hundred exceedances we have (ξ < 0.5).

export interface GpdFit {
  /** ξ: < 0 a bounded tail (endpoint u − σ/ξ), 0 exponential, > 0 heavy. */
  shape: number;
  scale: number;
}

/** PWM estimates from excesses y_i = x_i − u (all > 0). Hosking's k = −ξ. */
export function fitGpd(excesses: readonly number[]): GpdFit {
  const n = excesses.length;
  if (n < 10) throw new Error(`a GPD fit needs at least 10 excesses, not ${n}`);
  const y = Float64Array.from(excesses).sort();
  let a0 = 0;
  let a1 = 0;
  for (let i = 0; i < n; i++) {
    a0 += y[i];
    a1 += (y[i] * (n - 1 - i)) / (n - 1); // unbiased estimate of E[Y (1 − F(Y))]
  }
  a0 /= n;
  a1 /= n;
  return { shape: 2 - a0 / (a0 - 2 * a1), scale: (2 * a0 * a1) / (a0 - 2 * a1) };
}

/** P(Y > y) for y ≥ 0; 0 beyond the endpoint of a bounded tail. */
export function gpdSurvival(y: number, { shape, scale }: GpdFit): number {
  if (y <= 0) return 1;
  if (Math.abs(shape) < 1e-9) return Math.exp(-y / scale);
  const base = 1 + (shape * y) / scale;
  return base <= 0 ? 0 : base ** (-1 / shape);
}

/** The y with P(Y > y) = q (for tests and simulation: y = quantile(U) with U uniform is a GPD sample). */
export function gpdInverseSurvival(q: number, { shape, scale }: GpdFit): number {
  if (Math.abs(shape) < 1e-9) return -scale * Math.log(q);
  return (scale / shape) * (q ** -shape - 1);
}
