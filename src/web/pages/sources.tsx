// The sources page: every feed with its health, last and next fetch, articles and last error, so a
// failing feed is seen instead of silently going quiet.
import type { Section } from '../../store/schema.ts';
import { sourceHealth, type SourceHealth, type SourceStatus } from '../../store/sources.ts';
import { formatDateTime } from '../format.ts';
import { httpUrl } from '../../ingest/http-url.ts';
import { Layout } from './layout.tsx';

export interface SourcesPageProps {
  sources: SourceStatus[];
  sections: Section[];
}

const HEALTH_LABELS: Record<SourceHealth, string> = {
  new: 'Not fetched yet',
  ok: 'OK',
  warning: 'Some articles failed',
  failing: 'Failing',
};

export function SourcesPage({ sources, sections }: SourcesPageProps) {
  return (
    <Layout head={{ title: 'Sources', noindex: true }} sections={sections}>
      <h1 class="page-title">Sources</h1>
      {sources.length === 0 && <p class="empty">No sources yet. Add a feed with <code>skim feeds add URL</code>.</p>}
      {sources.length > 0 && (
        <table class="sources">
          <thead>
            <tr><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Last fetch</th><th scope="col">Next fetch</th><th scope="col">Articles</th></tr>
          </thead>
          <tbody>
            {sources.map((s) => {
              const health = sourceHealth(s);
              const siteUrl = httpUrl(s.site_url);
              return (
                <tr class={`source-${health}`}>
                  <th scope="row">
                    {siteUrl ? <a href={siteUrl} rel="nofollow noopener">{s.title ?? s.url}</a> : s.title ?? s.url}
                    <br /><small>{s.url}</small>
                  </th>
                  <td>
                    {HEALTH_LABELS[health]}{s.error_count > 1 && ` (${s.error_count} times in a row)`}
                    {s.last_error && <><br /><small class="source-error">{s.last_error}</small></>}
                  </td>
                  <td>{s.last_fetched_at ? <time datetime={s.last_fetched_at}>{formatDateTime(s.last_fetched_at)}</time> : 'Never'}</td>
                  <td><time datetime={s.next_fetch_at}>{formatDateTime(s.next_fetch_at)}</time></td>
                  <td>{s.article_count}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
