// 404 and every other error, in the site's look.
import type { Section } from '../../store/schema.ts';
import { Layout } from './layout.tsx';

export interface ErrorPageProps {
  status: number;
  title: string;
  message: string;
  sections: Section[];
}

export function ErrorPage({ status, title, message, sections }: ErrorPageProps) {
  return (
    <Layout head={{ title, noindex: true }} sections={sections}>
      <div class="error-page">
        <p class="status">Error {status}</p>
        <h1 class="page-title">{title}</h1>
        <p>{message}</p>
        <p><a href="/">Go to the front page</a> or search for what you were looking for.</p>
      </div>
    </Layout>
  );
}
