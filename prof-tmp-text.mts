import { splitSentences } from './src/text/segment.ts';
const sentence = 'Mr. Smith told reporters in Washington on Jan. 5 that the U.S. would spend $3.5 billion. ';
const doc = sentence.repeat(5000);
for (let i = 0; i < 20; i++) splitSentences(doc);
