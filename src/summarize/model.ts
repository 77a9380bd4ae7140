// The summarizer's models, learned by scripts/train-summarizer.ts and committed as weights.json: a
// linear sentence score over the features in features.ts, learned listwise (sentences ranked within
// their article), whose bias makes the score's sigmoid a calibrated probability; and the linear
// set score over SET_FEATURE_NAMES that reranks 3-sentence summaries (rerank.ts).
import { FEATURE_NAMES } from './features.ts';
import { SET_FEATURE_NAMES } from './rerank.ts';
import trained from './weights.json' with { type: 'json' };

export interface RankingModel {
  /** Short hash of the weights, part of SUMMARIZER_VERSION. */
  version: string;
  features: string[];
  bias: number;
  weights: number[];
  setFeatures: string[];
  setWeights: number[];
}

const sameNames = (names: readonly string[], expected: readonly string[], weights: readonly number[]) =>
  names.length === expected.length && weights.length === expected.length && names.every((name, i) => name === expected[i]);

/** The committed model, after checking that it was trained on the current features. */
export function checkedModel(): RankingModel {
  const model: RankingModel = trained;
  if (!sameNames(model.features, FEATURE_NAMES, model.weights) || !sameNames(model.setFeatures, SET_FEATURE_NAMES, model.setWeights)) {
    throw new Error('weights.json does not match FEATURE_NAMES or SET_FEATURE_NAMES: run npm run train:summarizer');
  }
  return model;
}

/** Log-odds that a sentence belongs in the summary. */
export function sentenceLogit(model: Pick<RankingModel, 'bias' | 'weights'>, features: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += model.weights[i]! * features[i]!;
  return z;
}

export const probability = (logit: number) => 1 / (1 + Math.exp(-logit));

/** Probability that a sentence belongs in the summary. */
export function sentenceScore(model: Pick<RankingModel, 'bias' | 'weights'>, features: readonly number[]): number {
  return probability(sentenceLogit(model, features));
}
