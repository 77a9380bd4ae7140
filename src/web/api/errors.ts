// Every API failure leaves as JSON {error, message} with its HTTP status, whether a handler threw it,
// Fastify's body parser or validator raised it, or the route does not exist.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

const KINDS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  500: 'internal',
};

export type HttpError = Error & { statusCode: number };

export function httpError(statusCode: number, message: string): HttpError {
  return Object.assign(new Error(message), { statusCode });
}

export function handleApiError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
  if (status >= 500) request.log.error({ err }, 'API request failed');
  // Internal details (SQL, stack) stay in the log.
  const message = status >= 500 ? 'internal error' : err.message;
  return reply.code(status).type('application/json; charset=utf-8').send({ error: KINDS[status] ?? 'error', message });
}

export function handleApiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: KINDS[404], message: `no route ${request.method} ${request.url.split('?')[0]}` });
}
