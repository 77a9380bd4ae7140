// Choosing the summary sentences from ranked candidates, with trigram blocking (after Paulus et
// al. 2018) so that a sentence repeating one already chosen gives way to the next best. Only
// near-duplicates are blocked (most of their trigrams seen): blocking on any shared trigram ("one
// of the", a repeated name) cost ~1 ROUGE-1 on BBC and gained nothing on CNN, cross-validated.
import type { Sentence } from './features.ts';

function trigrams(tokens: readonly string[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 3 <= tokens.length; i++) grams.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return grams;
}

/**
 * The `count` best-scoring sentences, skipping any whose word trigrams mostly repeat those of the
 * sentences already chosen (unless too few remain), returned in article order.
 */
export function selectSentences(candidates: readonly Sentence[], scores: readonly number[], count: number): number[] {
  const order = candidates.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const seen = new Set<string>();
  const chosen: number[] = [];
  const blocked: number[] = [];
  for (const i of order) {
    if (chosen.length === count) break;
    const grams = trigrams(candidates[i]!.tokens);
    let repeated = 0;
    for (const gram of grams) if (seen.has(gram)) repeated++;
    if (repeated > grams.length / 2) {
      blocked.push(i);
      continue;
    }
    for (const gram of grams) seen.add(gram);
    chosen.push(i);
  }
  for (const i of blocked) if (chosen.length < count) chosen.push(i);
  return chosen.sort((a, b) => a - b);
}

