// Which errors mean "the database cannot be reached right now" (not a bug, not bad input): the HTTP layer
// answers them 503 with Retry-After, and a client that saw one is discarded rather than reused.

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/** What node-postgres says when a connection dropped, timed out or was refused (its errors carry no code then). */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'connect ECONNREFUSED',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];
const CONNECTION_MESSAGE = new RegExp(CONNECTION_MESSAGES.join('|'), 'i');

/** True when err means "the database cannot be reached right now". */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') {
    return false;
  }
  const e = err as { code?: string; message?: string };
  if (e.code && CONNECTION_CODES.has(e.code)) {
    return true;
  }
  // SQLSTATE 08xxx connection exceptions, 57P01..57P03 shutdown / cannot connect now, 53300 too many connections
  if (e.code && (/^08/.test(e.code) || /^57P0[123]$/.test(e.code) || e.code === '53300')) {
    return true;
  }
  return CONNECTION_MESSAGE.test(e.message ?? '');
}
