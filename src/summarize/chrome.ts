// Page chrome that text extraction lets through (navigation, share and subscribe prompts, photo
// credits and captions, update notices and timestamps, reporting credits, our own "Get a summary"
// button) must never become a summary sentence. The phrases are the product's own edge: no npm
// list covers them. Common news languages only.

// Navigation and call-to-action phrases: chrome when a short sentence starts with one.
const PROMPT_PHRASES = [
  // English
  'no time to read', 'get a summary', 'previous article', 'next article', 'previous story', 'next story',
  'previous post', 'next post', 'read more', 'read next', 'read also', 'also read', 'continue reading',
  'keep reading', 'click here', 'tap here', 'share this', 'share on', 'share via', 'follow us', 'subscribe to',
  'subscribe now', 'sign up for', 'related articles', 'related stories', 'more stories', 'recommended for you',
  'most popular', 'sponsored content', 'skip to', 'back to top', 'all rights reserved', 'listen to this article',
  'watch the video', 'watch now', 'print this', 'email this', 'leave a comment', 'download the app',
  'photo credit', 'image credit', 'scroll down for', 'share or comment on', 'follow @',
  // German, French, Spanish, Italian, Portuguese, Dutch
  'mehr lesen', 'mehr zum thema', 'lesen sie auch', 'vorheriger artikel', 'nächster artikel', 'artikel teilen',
  'jetzt abonnieren', 'lire la suite', 'lire aussi', 'article précédent', 'article suivant', 'abonnez-vous',
  'leer más', 'lee también', 'artículo anterior', 'artículo siguiente', 'leggi anche', 'leggi di più',
  'articolo precedente', 'articolo successivo', 'leia mais', 'leia também', 'artigo anterior', 'próximo artigo',
  'lees meer', 'lees ook', 'vorig artikel', 'volgend artikel',
  // Russian, Ukrainian
  'читайте также', 'читать далее', 'предыдущая статья', 'следующая статья', 'читайте також', 'читати далі',
  'попередня стаття', 'наступна стаття',
];

// Single words that are chrome only when they are (nearly) the whole sentence: "Advertisement", "Share".
const PROMPT_WORDS = [
  'advertisement', 'advertising', 'sponsored', 'share', 'subscribe', 'newsletter', 'comments', 'cookies', 'login',
  'weiterlesen', 'anzeige', 'teilen', 'abonnieren', 'partager', 'publicité', 'compartir', 'publicidad', 'suscríbete',
  'condividi', 'iscriviti', 'pubblicità', 'compartilhe', 'assine', 'publicidade', 'delen', 'advertentie', 'abonneer',
  'поделиться', 'подписаться', 'реклама', 'поділитися', 'підписатися',
];

const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (phrases: string[]) => phrases.map(escape).join('|');
const STARTS_WITH_PROMPT = new RegExp(`^[^\\p{L}\\p{N}]*(${alternatives(PROMPT_PHRASES)})(?![\\p{L}\\p{N}])`, 'iu');
const HAS_PROMPT = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives(PROMPT_PHRASES)}|${alternatives(PROMPT_WORDS)})(?![\\p{L}\\p{N}])`, 'iu');

// Phrases that mark a chrome sentence wherever they occur, at any length.
const ANYWHERE = new RegExp([
  /\bno time to read\?\s*get a summary\b/,
  /\b(this|the) (article|story|post|page) (was|has been) (last )?(updated|amended|corrected)\b/,
  /\b(this|the) (article|story|post) (was )?originally (published|appeared)\b/,
  /\bclick here\b/,
  /\ball rights reserved\b/,
  /\bnot (currently )?accepting comments\b/,
  /\bmedia playback is (unsupported|not supported) on your device\b/,
  /\b(share|follow us) on (facebook|twitter|x|linkedin|whatsapp|instagram)\b/,
].map((pattern) => pattern.source).join('|'), 'i');

// Photo and image credits: "Photo: Reuters", "Image: Getty Images", "(AP Photo/Jane Doe)", "Фото: ТАСС".
const CREDIT = /^[\s([]*(photos?|images?|pictures?|credits?|photograph|illustration|foto|fotos|bild|crédit|crédits|фото|ілюстрація)\s*(credit)?\s*[:©|/]/iu;
const CREDIT_AGENCY = /^[\s([]*((ap|afp|reuters|getty images|epa|shutterstock)( photo)?\s*[/|]|\(?(ap|afp|epa) photo\b)/iu;
// Labelled captions and reporting credits, at any length: "Image copyright PA", "Image caption The
// victims...", "Reporting by Jane Doe; Editing by John Roe", "CNN's Jane Doe contributed to this report."
const CREDIT_LINE = /^[\s([]*(image|media|video) (copyright|caption)\b|^[\s([]*(additional )?(reporting|writing) by\b.*\bediting by\b|\bcontributed (reporting )?to (this|the) (report|story)[\s.]*$/i;

// When the page was published or updated: "PUBLISHED: .", "Updated: 15:36 EST, 25 October 2013",
// "Last updated at 5:22 PM on 12th November 2011", "Posted on 3 March 2014". Without a colon, only
// date and time words may follow ("Published on Monday, the report found..." is a sentence).
const TIMESTAMP_LABEL = /^[\s(|]*(?:last\s+)?(?:published|updated|posted|modified)(\s*:)?(?=\s|$)/i;
const DATE_WORD = /^(?:at|on|\d[\d:.,/]*(?:st|nd|rd|th)?,?|[ap]\.?m\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|[|.])$/i;
const TIME_ZONE = /^[A-Z]{2,4},?$/;

function isTimestamp(sentence: string): boolean {
  const label = TIMESTAMP_LABEL.exec(sentence);
  if (!label) return false;
  if (label[1]) return true;
  const rest = sentence.slice(label[0].length).trim().split(/\s+/);
  return /\d/.test(sentence) && rest.every((word) => DATE_WORD.test(word) || TIME_ZONE.test(word));
}

const WORD = /[\p{L}\p{N}]+/gu;
const SHORT_SENTENCE_WORDS = 12;
const PROMPT_ONLY_WORDS = 4;
// A short run of capitals with no lowercase letter is a heading or label ("TRANSCRIPT.", "ROLL CALL"),
// not a statement; text lowercased by its source never matches.
const CAPITALS_ONLY = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const HEADING_WORDS = 4;

/** True when `sentence` is page chrome rather than article content. */
export function isChrome(sentence: string): boolean {
  const words = sentence.match(WORD)?.length ?? 0;
  if (words === 0) return true;
  if (CREDIT.test(sentence) || CREDIT_AGENCY.test(sentence) || CREDIT_LINE.test(sentence)) return true;
  if (ANYWHERE.test(sentence)) return true;
  if (words <= SHORT_SENTENCE_WORDS && (STARTS_WITH_PROMPT.test(sentence) || isTimestamp(sentence))) return true;
  if (words <= HEADING_WORDS && CAPITALS_ONLY.test(sentence)) return true;
  return words <= PROMPT_ONLY_WORDS && HAS_PROMPT.test(sentence);
}
