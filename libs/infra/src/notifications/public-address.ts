/**
 * E2, SSRF: which addresses a notification may be sent to. A subscription's URL is an admin's
 * input, and the projector runs inside the center's network: without this, a URL naming
 * `169.254.169.254` (cloud metadata, Tencent's `169.254.0.23`), Alibaba's `100.100.100.200`, a
 * private or loopback address, or a name resolving to one, would make the projector send signed
 * requests into that network. Ranges: IANA's special-purpose registries (RFC 6890 and updates).
 */
import { BlockList, isIP } from 'node:net';

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // this network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT; Alibaba Cloud's metadata 100.100.100.200
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local; cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback ::1, and the deprecated IPv4-compatible ::a.b.c.d
  ['100::', 64], // discard
  ['2001::', 32], // Teredo (carries an IPv4 address)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (carries an IPv4 address)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(
    address,
  );
  if (!match) return undefined;
  if (match[1]) return match[1];
  const high = parseInt(match[2]!, 16);
  const low = parseInt(match[3]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether `address` (an IP literal) is an ordinary public unicast address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return !NOT_PUBLIC.check(bare, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(bare.toLowerCase());
  if (v4 !== undefined) return isIP(v4) === 4 && !NOT_PUBLIC.check(v4, 'ipv4');
  return !NOT_PUBLIC.check(bare, 'ipv6');
}

/** Thrown, with its own code, when a notification's host is or resolves to a non-public address. */
export class NonPublicAddressRefused extends Error {
  readonly code = 'NON_PUBLIC_ADDRESS';
  constructor(host: string, address: string) {
    super(
      host === address
        ? `refused ${address}: not a public address (E2; NOTIFICATIONS_ALLOW_PRIVATE_HOSTS=on allows it)`
        : `refused ${host}: it resolves to ${address}, not a public address (E2; NOTIFICATIONS_ALLOW_PRIVATE_HOSTS=on allows it)`,
    );
  }
}
