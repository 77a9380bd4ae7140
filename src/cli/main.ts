// skim's command line: one module per command, loaded on demand so `skim --help` stays instant.
import { CliError } from './args.ts';

type Command = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number | void> }> };

const commands: Record<string, Command> = {
  serve: { summary: 'run the web site (and the background worker unless --no-worker)', load: () => import('./serve.ts') },
  add: { summary: 'add articles from HTML, Markdown or JSON files', load: () => import('./add.ts') },
  summarize: { summary: 'summarize a file, stdin, or JSON lines (--jsonl)', load: () => import('./summarize.ts') },
  export: { summary: 'print every article as JSON lines', load: () => import('./export.ts') },
  token: { summary: 'print the admin API token', load: () => import('./token.ts') },
  feeds: { summary: 'manage feeds: add, import, export, list', load: () => import('./feeds.ts') },
  ingest: { summary: 'fetch every due source once', load: () => import('./ingest.ts') },
  'parse-feed': { summary: 'print a feed document as normalized JSON', load: () => import('./parse-feed.ts') },
  extract: { summary: 'extract article text from HTML (--jsonl)', load: () => import('./extract.ts') },
  worker: { summary: 'run background jobs (Redis queue when REDIS_URL is set)', load: () => import('./worker.ts') },
  'render-pages': { summary: 'render and store every article page ahead of readers', load: () => import('./render-pages.ts') },
  migrate: { summary: 'copy a SQLite store into PostgreSQL', load: () => import('./migrate.ts') },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: skim <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'skim <command> --help' for a command's options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) throw new CliError(`unknown command '${name}' (see 'skim --help')`);
  const mod = await command.load();
  return (await mod.run(rest)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    if (err instanceof CliError) console.error(`skim: ${err.message}`);
    else console.error(`skim: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exitCode = err instanceof CliError ? err.exitCode : 1;
  },
);
