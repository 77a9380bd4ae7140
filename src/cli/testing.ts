// Test helper: runs the CLI as a user does, `node bin/skim.js …`, with no store configured by the
// environment (tests pass --db) and no base URL.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface SkimResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runSkim(...args: string[]): Promise<SkimResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/skim.js', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', SKIM_DB: '', SKIM_BASE_URL: '' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
  });
}
