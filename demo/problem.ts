import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** RFC 9457 problem details: the one error shape the clean operations use. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

const titles: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemBody(status: number, detail: string): Problem {
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, detail };
}

export function sendProblem(reply: FastifyReply, status: number, detail: string): FastifyReply {
  return reply.code(status).type('application/problem+json').send(problemBody(status, detail));
}

/**
 * Fastify's own errors (bad JSON, wrong content type, body too large) come here too, so even
 * framework-level rejections keep the problem+json shape. Unexpected errors never expose a stack.
 */
export function problemErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  const detail = status === 500 ? 'The server failed to handle the request.' : error.message;
  return sendProblem(reply, status, detail);
}

/** 404 for unknown paths, 405 with `Allow` for known paths asked with a method they do not serve. */
export function notFoundHandler(allowedMethods: (path: string) => readonly string[]) {
  return function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const path = request.url.split('?')[0] ?? '';
    const allowed = allowedMethods(path);
    if (allowed.length > 0) {
      reply.header('Allow', allowed.join(', '));
      return sendProblem(reply, 405, `${request.method} is not supported on ${path}.`);
    }
    return sendProblem(reply, 404, `No resource at ${request.method} ${path}.`);
  };
}
