// The greedy extractive oracle (Nallapati et al. 2017): add the sentence that most raises
// ROUGE-1 + ROUGE-2 F1 against the reference, until none does or `limit` are chosen. Its picks are
// the training labels for the sentence ranker.
import { ngramCounts, rougeNCounts, rougeTokens } from './rouge.ts';

export function greedyOracle(sentences: readonly string[], reference: string, limit: number): number[] {
  const referenceTokens = rougeTokens(reference);
  const target1 = ngramCounts(referenceTokens, 1);
  const target2 = ngramCounts(referenceTokens, 2);
  const tokens = sentences.map(rougeTokens);
  const chosen: number[] = [];
  let summary: string[] = [];
  let best = 0;
  while (chosen.length < limit) {
    let pick = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (chosen.includes(i)) continue;
      // Sentence boundaries barely matter to ROUGE-1/2; joining keeps this simple.
      const candidate = summary.concat(tokens[i]!);
      const gain = rougeNCounts(target1, ngramCounts(candidate, 1)).f + rougeNCounts(target2, ngramCounts(candidate, 2)).f;
      if (gain > best) {
        best = gain;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
    summary = summary.concat(tokens[pick]!);
  }
  return chosen;
}
