import { parseFeed } from './src/ingest/feeds/parse.ts';
const cases: Record<string, string> = {
  doctypeBrackets: '<!DOCTYPE x [' + ' ]'.repeat(50000),
  doctypeBrackets2: '<!DOCTYPE x [' + '] ['.repeat(20000) + '<rss>',
  openPi: '<?xml' + ' '.repeat(200000),
  manyComments: '<!-- a -->'.repeat(50000) + '<!DOCTYPE',
  channelNoItem: '<rss><channel>' + '<x>a</x>'.repeat(200000),
  deepNesting: '<rss version="2.0"><channel><item><title>' + '<a>'.repeat(100000) + '</title></item></channel></rss>',
  manyEntities: '<rss version="2.0"><channel><title>' + '&eacute;'.repeat(200000) + '</title></channel></rss>',
  xmlnsSpam: '<rss ' + Array.from({ length: 5000 }, (_, i) => `xmlns:p${i}="http://purl.org/dc/elements/1.1/"`).join(' ') + '><channel><item><title>t</title></item></channel></rss>',
};
for (const [name, text] of Object.entries(cases)) {
  const t0 = performance.now();
  let r = '';
  try { r = `items=${parseFeed(text).items.length}`; } catch (e) { r = `ERR ${(e as Error).message.slice(0, 60)}`; }
  console.log(name, (performance.now() - t0).toFixed(0), 'ms', r);
}
