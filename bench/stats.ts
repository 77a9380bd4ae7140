/** The value at fraction `p` (0 to 1) of an ascending array, nearest-rank; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
}

/** Median of an ascending array (the upper middle value for an even length). */
export const median = (sorted: readonly number[]): number => percentile(sorted, 0.5);
