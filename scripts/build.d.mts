// Types of build.mjs (plain JavaScript, as bin/skim.js runs it before any TypeScript loader).
export function ensureBundle(root?: string): Promise<string>;
