import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CliError } from './args.ts';
import { run } from './worker.ts';

test('skim worker refuses bad settings before starting anything', async () => {
  const refused = (args: string[], message: RegExp) =>
    assert.rejects(run(args), (err: Error) => err instanceof CliError && message.test(err.message));
  await refused(['--concurrency', '0'], /invalid --concurrency '0'/);
  await refused(['--concurrency', 'many'], /invalid --concurrency 'many'/);
  await refused(['--listen', '9464'], /invalid --listen '9464': expected HOST:PORT/);
  await refused(['--listen', '127.0.0.1:99999'], /invalid --listen/);
  await refused(['--job-lock-ms', '1.5'], /invalid --job-lock-ms '1.5'/);
  await refused(['extra'], /unexpected argument 'extra'/);
});
