// The two model files the server runs that no npm package of ours ships: committed in server/face/models/ with their
// licence, so an install fetches nothing for them. Both come unchanged from the npm tarball of
// faceplugin-face-recognition-js@0.0.1 (MIT, LICENSE-faceplugin beside them; README "Dependencies and why each is
// here" says where they come from). Installing that package instead brought 673 packages of its own build and test
// tools (jest, webpack, babel, eslint) onto every venue server for these 6.8 MB.
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'models');

/** The arcface engine's embedder (MobileFaceNet, 512-d): verified by SHA-256 before the server listens. */
export const BUNDLED_MODEL = {
  path: join(DIR, 'fr_feature.onnx'),
  from: 'faceplugin-face-recognition-js@0.0.1 model/fr_feature.onnx',
  sha256: '87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581',
} as const;

/** The passive anti-spoof net (antispoof.ts): information for the reviewer, verified the same way. */
export const BUNDLED_LIVENESS_MODEL = {
  path: join(DIR, 'fr_liveness.onnx'),
  from: 'faceplugin-face-recognition-js@0.0.1 model/fr_liveness.onnx',
  sha256: 'afa783b7e902fdfcf323a7240cac2a1c580c25314ea4161129dc1b0d100dc32d',
} as const;
