// 32-bit string hashes for in-memory structures (SimHash's shingles, the article pages' "seen"
// set). Hand-written: node:crypto's digests cost an object and ~1 µs a call, on paths that hash
// every shingle of an article or every page view.

/** FNV-1a's offset basis: the usual start of `fnv1a`. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;

/** FNV-1a over the UTF-16 code units of `text`, from `basis` (another basis gives an independent hash). */
export function fnv1a(text: string, basis = FNV_OFFSET_BASIS): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Murmur3's 32-bit finalizer: spreads every input bit over the whole word. */
export function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
