import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isChrome } from './chrome.ts';

test('navigation, prompts, credits and update notices are chrome', () => {
  for (const sentence of [
    'No time to read?', 'Get a summary', 'No time to read? Get a summary', 'Previous Article', 'Next Article: Markets rally',
    'Read more', 'READ MORE: The full story', 'Click here to watch the video.', 'Share this article', 'Share on Facebook',
    'Subscribe to our newsletter for daily updates.', 'Sign up for our morning briefing.', 'Advertisement',
    'Photo: Reuters', 'Image: Getty Images', '(AP Photo/Jane Doe)', 'Credit: John Smith/AFP',
    'This article was updated on March 3 to correct a date.', 'This story has been updated with new figures.',
    'All rights reserved.', 'Lire la suite', 'Weiterlesen', 'Artículo anterior', 'Читайте также: новости',
    'Фото: ТАСС', 'Читайте також', 'TRANSCRIPT .', 'ROLL CALL.', 'UPDATE:', '', '  ...  ',
    'PUBLISHED: .', '| . UPDATED: .', 'Updated: 15:36 EST, 25 October 2013', 'Last updated at 5:22 PM on 12th November 2011 .',
    'Posted on 3 March 2014', 'Scroll down for video .', 'Share or comment on this article', 'Follow @@JaneDoe',
    'Sorry we are not currently accepting comments on this article.',
    'Media playback is unsupported on your device', 'Image copyright Getty Images', 'Image caption The victims were named on Monday by the police in a statement',
    "CNN's Jane Doe and John Roe contributed to this report.", 'Reporting by Jane Doe; Editing by John Roe',
  ]) assert.equal(isChrome(sentence), true, sentence);
});

test('ordinary news sentences are not chrome', () => {
  for (const sentence of [
    'Subscribers will pay more from next month, the company said.',
    'The minister said she would read more reports before deciding.',
    'Comments made by the senator on Tuesday drew wide criticism from both parties.',
    'Shares in the company rose 5% after the announcement.',
    'The photo shows the moment the bridge collapsed.',
    'He clicked through dozens of pages before finding the file.',
    'Next year the article of the constitution will be reviewed again.',
    'NATO and the EU agreed.', 'the storm hit at dawn.', 'ЄС схвалив план.',
    'Updated figures show the economy grew 2% in 2013.', 'Posted at the border, the soldiers waited for orders.',
    'Published on Monday, the report found 12 failures.',
    'The image caption contest drew 300 entries.', 'She contributed to the report that the panel published.',
    'Reporting by local papers had warned of the risk for years.',
  ]) assert.equal(isChrome(sentence), false, sentence);
});
