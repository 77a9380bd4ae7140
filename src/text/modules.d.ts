// Type declarations for the untyped CommonJS text libraries used by src/text.
declare module 'snowball-stemmers' {
  export interface Stemmer { stem(word: string): string }
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopwords-iso' {
  const lists: Record<string, string[]>;
  export default lists;
}

declare module '@nlpjs/lang-uk' {
  export class StemmerUk {
    stemWord(word: string): string;
  }
}
