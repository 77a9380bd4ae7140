// "No time to read? Get a summary": a <details> box that opens in place, with one radio per length
// switching the panels through CSS, so both work with JavaScript off.
import type { StoredSentence, StoredSummary } from '../../store/summaries.ts';
import { readingMinutes, readingSeconds, withIndefiniteArticle } from '../format.ts';
import { sourceAnchor } from '../source-marks.ts';

const LENGTHS = [
  { length: 'short', label: 'Short' },
  { length: 'medium', label: 'Medium' },
  { length: 'long', label: 'Long' },
  { length: 'bullets', label: 'Key points' },
] as const;

const DEFAULT_LENGTH = 'medium';

/** One length's panel: what both boxes of a page show, worked out once per page. */
export interface SummaryPanel {
  length: (typeof LENGTHS)[number]['length'];
  label: string;
  sentences: StoredSentence[];
  seconds: number;
}

/** The lengths that have sentences, in LENGTHS order, with each summary's reading time. */
export function summaryPanels(summaries: readonly StoredSummary[]): SummaryPanel[] {
  return LENGTHS.flatMap(({ length, label }) => {
    const sentences = summaries.find((s) => s.length === length)?.sentences ?? [];
    if (sentences.length === 0) return [];
    return [{ length, label, sentences, seconds: readingSeconds(sentences.map((s) => s.text).join(' ')) }];
  });
}

export interface SummaryBoxProps {
  /** Two boxes share a page (above and below the body): ids and radio names are prefixed with this. */
  place: 'top' | 'bottom';
  panels: SummaryPanel[];
  wordCount: number;
  /** Sentence indexes wrapped in the body: only these get a link to their source. */
  linked: Set<number>;
}

export function SummaryBox({ place, panels, wordCount, linked }: SummaryBoxProps) {
  if (panels.length === 0) return null;
  const checked = panels.some((p) => p.length === DEFAULT_LENGTH) ? DEFAULT_LENGTH : panels[0]!.length;
  const id = (length: string) => `${place}-length-${length}`;
  const articleTime = withIndefiniteArticle(readingMinutes(wordCount), 'minute');
  return (
    <details class={`summary summary-${place}`} id={`summary-${place}`}>
      <summary>No time to read? <strong>Get a summary</strong></summary>
      <div class="summary-content">
        <fieldset>
          <legend>Summary length</legend>
          {panels.map(({ length }) => (
            <input class="length-choice" type="radio" name={`${place}-length`} id={id(length)} value={length} checked={length === checked} />
          ))}
          <div class="length-tabs">
            {panels.map(({ length, label }) => <label for={id(length)} data-length={length}>{label}</label>)}
          </div>
          {panels.map(({ length, sentences, seconds }) => (
            <div class="length-panel" data-length={length}>
              <p class="summary-time">{seconds}-second summary of {articleTime} article</p>
              {length === 'bullets'
                ? <ul>{sentences.map((s) => <li><SentenceLink sentence={s} linked={linked} /></li>)}</ul>
                : <p>{sentences.map((s, i) => <>{i > 0 && ' '}<SentenceLink sentence={s} linked={linked} /></>)}</p>}
            </div>
          ))}
        </fieldset>
      </div>
    </details>
  );
}

function SentenceLink({ sentence, linked }: { sentence: StoredSentence; linked: Set<number> }) {
  if (!linked.has(sentence.index)) return <span>{sentence.text}</span>;
  return <a class="summary-sentence" href={`#${sourceAnchor(sentence.index)}`} title="Show this sentence in the article">{sentence.text}</a>;
}
