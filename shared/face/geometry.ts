// Pure geometry on face-api's 68 landmarks: where the face is, how big, and how far the head is turned. Shared:
// the kiosk guides and checks the turn live with it, the server re-checks the frames it is sent with the same rules.
// No DOM, no face-api: the guidance and liveness logic built on this is unit-testable with plain numbers.

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One face seen in one frame. */
export interface SeenFace {
  box: Box;
  score: number;
  /** The 68 landmarks (iBUG order: 0–16 jaw from image left to image right, 8 chin, 30 nose tip). */
  landmarks: Point[];
}

export interface Frame {
  width: number;
  height: number;
  faces: SeenFace[];
}

/** Barycentric weights of p in the triangle (a, b, c). */
function barycentric(p: Point, a: Point, b: Point, c: Point): [number, number, number] {
  const v0x = b.x - a.x;
  const v0y = b.y - a.y;
  const v1x = c.x - a.x;
  const v1y = c.y - a.y;
  const v2x = p.x - a.x;
  const v2y = p.y - a.y;
  const d = v0x * v1y - v1x * v0y;
  if (d === 0) return [1 / 3, 1 / 3, 1 / 3];
  const wb = (v2x * v1y - v1x * v2y) / d;
  const wc = (v0x * v2y - v2x * v0y) / d;
  return [1 - wb - wc, wb, wc];
}

/**
 * Head turn (yaw) as the nose tip's position in the triangle of the two jaw ends and the chin:
 * 0 when the nose sits midway between the jaw ends, positive when it moves toward the image's right
 * (the person turning to their own left), about ±0.1–0.3 for a clear turn.
 *
 * Barycentric weights do not change under any affine map of the image, so a flat photo that is moved,
 * scaled, rotated, sheared or tilted away (as far as the camera sees it affinely) keeps its yaw: only
 * a nose standing out of the face's plane, i.e. a real head, makes this number move.
 */
export function yawOf(landmarks: readonly Point[]): number {
  const jawLeft = landmarks[0];
  const jawRight = landmarks[16];
  const chin = landmarks[8];
  const nose = landmarks[30];
  if (!jawLeft || !jawRight || !chin || !nose) return 0;
  const [wLeft, wRight] = barycentric(nose, jawLeft, jawRight, chin);
  return wRight - wLeft;
}

/**
 * The face's width for its height: jaw end to jaw end over nose bridge to chin. Unchanged by moving, scaling or
 * rotating a picture; a flat photo tilted away narrows it by the tilt's cosine, a head turned by the asked amount
 * (≈ 15–20°) only by a few percent.
 */
export function widthShare(landmarks: readonly Point[]): number {
  const [jawLeft, jawRight, chin, bridge] = [landmarks[0], landmarks[16], landmarks[8], landmarks[27]];
  if (!jawLeft || !jawRight || !chin || !bridge) return 0;
  const height = Math.hypot(bridge.x - chin.x, bridge.y - chin.y);
  return height > 0 ? Math.hypot(jawRight.x - jawLeft.x, jawRight.y - jawLeft.y) / height : 0;
}

export function iou(a: Box, b: Box): number {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}
