// Writes need the admin token as `Authorization: Bearer <token>`. Checked in onRequest, before the
// body is read, so an unauthenticated client can neither upload nor learn anything from validation.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Store } from '../../store/db.ts';
import { isValidToken } from '../../store/tokens.ts';
import { httpError } from './errors.ts';

export const BEARER_SCHEME = 'bearerAuth';

export function requireAdminToken(store: Store): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
    const token = match?.[1];
    if (token && (await isValidToken(store.db, token))) return;
    reply.header('www-authenticate', 'Bearer realm="skim"');
    throw httpError(401, token ? 'invalid token' : 'missing bearer token (Authorization: Bearer <token>, see `skim token`)');
  };
}
