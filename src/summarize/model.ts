// The sentence-ranking model: a linear score over the features in features.ts, learned listwise
// (sentences ranked within their article) by scripts/train-summarizer.ts and committed as
// weights.json, whose bias makes the score's sigmoid a calibrated probability.
import { FEATURE_NAMES } from './features.ts';
import trained from './weights.json' with { type: 'json' };

export interface RankingModel {
  /** Short hash of the weights, part of SUMMARIZER_VERSION. */
  version: string;
  features: string[];
  bias: number;
  weights: number[];
}

/** The committed model, after checking that it was trained on the current features. */
export function checkedModel(): RankingModel {
  const model: RankingModel = trained;
  const same = model.features.length === FEATURE_NAMES.length && model.features.every((name, i) => name === FEATURE_NAMES[i]);
  if (!same || model.weights.length !== FEATURE_NAMES.length) {
    throw new Error('weights.json does not match FEATURE_NAMES: run npm run train:summarizer');
  }
  return model;
}

/** Probability that a sentence belongs in the summary. */
export function sentenceScore(model: RankingModel, features: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += model.weights[i]! * features[i]!;
  return 1 / (1 + Math.exp(-z));
}
