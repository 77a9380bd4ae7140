// Links that pages and feeds supply: only http(s) addresses are followed, stored as links or made
// into an href (JSX escapes text, but a `javascript:` URL in an href would still run).

/** `url` resolved against `base`, when the result is an http(s) address; else null. */
export function httpUrl(url: string | null | undefined, base?: string): string | null {
  if (url === null || url === undefined) return null;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
