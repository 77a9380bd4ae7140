// Server-side request forgery guard: a fetch may reach only public unicast addresses, checked on
// the address actually connected to (the DNS lookup undici's sockets use is ours), so a name
// that resolves differently on a second lookup (DNS rebinding) gains nothing. An allow-list
// (env SKIM_FETCH_ALLOW or the caller's) opens chosen hosts or CIDRs, e.g. a test's 127.0.0.1.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

export type AllowList = { hosts: Set<string>; cidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

/** Names that are cloud metadata services whatever they resolve to. */
const BLOCKED_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);

/** Parses "127.0.0.1,10.0.0.0/8,feeds.example.org" into an allow-list; bad entries are skipped. */
export function parseAllowList(spec: string | string[] | undefined): AllowList {
  const entries = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((e) => e.trim().toLowerCase()).filter(Boolean);
  const list: AllowList = { hosts: new Set(), cidrs: [] };
  for (const entry of entries) {
    const bare = entry.replace(/^\[|\]$/g, '');
    if (bare.includes('/') && ipaddr.isValidCIDR(bare)) list.cidrs.push(ipaddr.parseCIDR(bare));
    else if (ipaddr.isValid(bare)) {
      const ip = ipaddr.process(bare);
      list.cidrs.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else list.hosts.add(bare);
  }
  return list;
}

function isAllowedAddress(ip: ipaddr.IPv4 | ipaddr.IPv6, allow: AllowList): boolean {
  return allow.cidrs.some(([net, bits]) => ip.kind() === net.kind() && ip.match(net, bits));
}

/** The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
function embeddedIPv4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const bytes = ip.toByteArray();
  if (range === 'rfc6052') return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

/**
 * Why an address may not be fetched ('loopback', 'private', 'linkLocal', ...), or null when it
 * is a public unicast address or allow-listed. IPv4-mapped and -compatible IPv6 forms are judged
 * as the IPv4 address they carry, NAT64 and 6to4 by their embedded IPv4 address.
 */
export function blockedAddressReason(address: string, allow: AllowList): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const ip = ipaddr.process(address);
  if (isAllowedAddress(ip, allow)) return null;
  const range = ip.range();
  if (range === 'unicast') return null;
  if (ip.kind() === 'ipv6') {
    const inner = embeddedIPv4(ip as ipaddr.IPv6, range);
    if (inner) return inner.range() === 'unicast' || isAllowedAddress(inner, allow) ? null : `${range} of ${inner.range()}`;
  }
  return range;
}

/** Bare host name of a URL ('[::1]' becomes '::1'). */
const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');

/**
 * Checks a URL before any connection: scheme, blocked names, and IP literals (which the socket
 * connects to without a lookup). WHATWG URL parsing has already turned 2130706433, 0177.0.0.1
 * and 0x7f.1 into 127.0.0.1. Returns the reason it is refused, or null.
 */
export function blockedUrlReason(url: URL, allow: AllowList): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme ${url.protocol} not allowed`;
  const host = bareHost(url.hostname);
  if (allow.hosts.has(host)) return null;
  if (BLOCKED_NAMES.has(host)) return 'cloud metadata host';
  if (ipaddr.isValid(host)) {
    const reason = blockedAddressReason(host, allow);
    return reason && `${host} is ${reason}`;
  }
  return null;
}

class BlockedAddressError extends Error {
  readonly code = 'ERR_SKIM_BLOCKED';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for sockets: resolves as usual, then refuses the connection when any
 * resolved address is blocked (an attacker's name may mix public and private answers).
 */
export function guardedLookup(allow: AllowList) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const host = bareHost(hostname);
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      if (!allow.hosts.has(host)) {
        for (const { address } of list) {
          const reason = blockedAddressReason(address, allow);
          if (reason) return callback(new BlockedAddressError(`${hostname} resolves to ${address} (${reason})`), []);
        }
      }
      if (options.all) return callback(null, list);
      const [firstAddress] = list;
      if (!firstAddress) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, firstAddress.address, firstAddress.family);
    });
  };
}
