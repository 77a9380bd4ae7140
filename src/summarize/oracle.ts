// Training labels for the sentence ranker. An abstractive reference gets the greedy extractive
// oracle (Nallapati et al. 2017): add the sentence that most raises ROUGE-1 + ROUGE-2 F1 against
// the reference, until none does or `limit` are chosen. A reference that is itself an extract
// (an editor's choice of the article's sentences) is its own label.
import { ngramCounts, rougeNCounts, rougeSentenceTokens, rougeTokens } from './rouge.ts';

// Share of the reference's lines that must be article sentences for it to count as an extract
// (a few lines are lost to segmentation differences).
const EXTRACT_SHARE = 0.8;

/**
 * The sentences that are lines of the reference (same ROUGE tokens), when the reference is an
 * extract of the article; null when it is not.
 */
export function extractLabels(sentences: readonly string[], reference: string): number[] | null {
  const lines = new Set(rougeSentenceTokens(reference).map((tokens) => tokens.join(' ')).filter(Boolean));
  const chosen = sentences.flatMap((sentence, i) => (lines.delete(rougeTokens(sentence).join(' ')) ? [i] : []));
  return chosen.length > 0 && chosen.length >= EXTRACT_SHARE * (chosen.length + lines.size) ? chosen : null;
}

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
