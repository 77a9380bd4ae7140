// One spelling per article address, so that the same article reached through two feeds, a share
// link or a tracking redirect is recognized as one.

// Query parameters that identify a campaign or a click, never the page.
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mkt_tok', '_ga', '_gl',
  'ref', 'ref_src', 'ref_url', 'referrer', 'source', 'cmpid', 'ncid', 'ocid', 'smid', 'smtyp', 'spm', 'share',
]);
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'hsa_', 'oly_', '__twitter'];

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The canonical spelling of an http(s) URL, or null when `url` is not one: host lowercased without
 * a trailing dot, default port and fragment dropped, tracking parameters removed, the remaining
 * parameters sorted, and a trailing slash dropped from every path but the root.
 */
export function canonicalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  parsed.hostname = parsed.hostname.replace(/\.$/, '');
  const params = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  parsed.search = new URLSearchParams(params).toString();
  if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  return parsed.href;
}
