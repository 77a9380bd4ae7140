import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { SearchPage } from './search.tsx';

const status = (total: number) => /role="status">([^<]*)</.exec(render(<SearchPage query="harbour" hits={[]} total={total} page={1} pages={1} sections={[]} />))?.[1];

test('search page: the count of matches, and "or more" where search stops counting', () => {
  assert.equal(status(0), 'No articles match.');
  assert.equal(status(1), '1 article found');
  assert.equal(status(999), '999 articles found');
  assert.equal(status(1000), '1,000 or more articles found; the newest 1,000 are ranked');
});
