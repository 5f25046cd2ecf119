// What the local root may vouch for (X.509 name constraints, RFC 5280 §4.2.1.10). Without them, a root a tablet
// installed could sign a certificate for any site — a bank, a webmail — and a stolen root key would let its
// holder impersonate them to every tablet. With them, it can only sign for this server's own names and networks.
//
// Host names are permitted exactly (a dNSName constraint also allows names under them); IP addresses by their
// network — a /24 for IPv4, a /64 for IPv6 — so a DHCP lease that moves within the LAN needs no new root;
// a name outside the scope makes loadOrCreate make a new root (the tablets then install it again).
import { isIP } from 'node:net';

/** One permitted subtree: a host name, or a network as its address and mask bytes. */
export type Permitted = { dns: string } | { ip: Buffer; mask: Buffer };

/** An address as bytes (4 or 16), '::' expanded. */
export function ipBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split('.').map(Number));
  const [head, tail = ''] = address.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const h = groups(head!);
  const t = address.includes('::') ? groups(tail) : [];
  const all = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.from(all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

function network(address: string): { ip: Buffer; mask: Buffer } {
  const bytes = ipBytes(address);
  const prefix = address === '::1' ? 128 : bytes.length === 4 ? (bytes[0] === 127 ? 8 : 24) : 64;
  const mask = Buffer.alloc(bytes.length);
  for (let i = 0; i < prefix; i++) mask[i >> 3]! |= 0x80 >> (i & 7);
  return { ip: Buffer.from(bytes.map((b, i) => b & mask[i]!)), mask };
}

/** The scope for these names (deduplicated, in a stable order). */
export function permittedFor(names: string[]): Permitted[] {
  const seen = new Set<string>();
  const out: Permitted[] = [];
  for (const n of names) {
    const p: Permitted = isIP(n) ? network(n) : { dns: n.toLowerCase() };
    const key = 'dns' in p ? `dns:${p.dns}` : `ip:${p.ip.toString('hex')}/${p.mask.toString('hex')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** Whether a name falls inside the scope (as a TLS client checks it). */
export function inScope(scope: Permitted[], name: string): boolean {
  if (isIP(name)) {
    const b = ipBytes(name);
    return scope.some((p) => 'ip' in p && p.ip.length === b.length && b.every((x, i) => (x & p.mask[i]!) === p.ip[i]));
  }
  const n = name.toLowerCase();
  return scope.some((p) => 'dns' in p && (n === p.dns || n.endsWith(`.${p.dns}`)));
}
