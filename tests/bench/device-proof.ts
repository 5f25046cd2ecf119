// How much a tablet's proof costs the server: one ECDSA P-256 verify (Node's crypto.verify, the key parsed once
// per device) and the whole check (time window, replay set, verify), per request. Prints µs per check.
// Run: npx tsx tests/bench/device-proof.ts
import { createHash } from 'node:crypto';
import { exportPublicKey, generateDeviceKey, makeProof, requestProofText } from '../../shared/device-proof';
import { ReplayGuard, checkProof, parsePublicKey, signatureValid } from '../../server/services/device-proof-check';

const N = 5000;
const keys = await generateDeviceKey();
const key = parsePublicKey(await exportPublicKey(keys.publicKey))!;
const sha = createHash('sha256').update('{"clientId":"x"}').digest('hex');
const proofs = await Promise.all(
  Array.from({ length: N }, () => makeProof(keys.privateKey, (p) => requestProofText('POST', '/api/votes/1/ballots', p, sha))),
);
const texts = proofs.map((p) => requestProofText('POST', '/api/votes/1/ballots', p, sha));

/** CPU µs per call of `f` (user + system: on a shared machine wall time counts the other processes too). */
function cpuUs(f: (i: number) => void): number {
  const before = process.cpuUsage();
  for (let i = 0; i < N; i++) f(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / N;
}

const verifyUs = cpuUs((i) => {
  if (!signatureValid(key, texts[i]!, proofs[i]!.signature)) throw new Error('bad');
});
const guard = new ReplayGuard();
const checkUs = cpuUs((i) => checkProof(guard, 1, key, texts[i]!, proofs[i]!));
const t0 = performance.now();
for (let i = 0; i < 1000; i++) await makeProof(keys.privateKey, (p) => requestProofText('GET', '/api/device/me', p, sha));
const signUs = ((performance.now() - t0) * 1000) / 1000;

console.log(`ECDSA P-256 verify (crypto.verify): ${verifyUs.toFixed(0)} µs of CPU each over ${N}`);
console.log(`whole proof check (window, replay set, verify): ${checkUs.toFixed(0)} µs of CPU each over ${N}`);
console.log(`signing in Node's WebCrypto (a simulated tablet): ${signUs.toFixed(0)} µs wall each over 1000`);
console.log(`3,000 seat tablets each signing one ballot: ${((checkUs * 3000) / 1000).toFixed(0)} ms of one core for the checks`);
