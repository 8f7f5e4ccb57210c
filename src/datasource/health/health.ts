// testDatasource(): the answers, in plain words, for each way the check can end. Pure.
import type { AggregatorError } from '../api/errors.ts';

export interface HealthResult {
  status: 'success' | 'error';
  message: string;
}

export interface Whoami {
  name?: string;
  scopes?: string[];
}

export const REQUIRED_SCOPE = 'read';

export function healthWithoutUrl(): HealthResult {
  return { status: 'error', message: 'Set the aggregator URL (for example http://aggregator:8080) and save.' };
}

export function healthFromWhoami(whoami: Whoami): HealthResult {
  const name = whoami.name?.trim() || 'an unnamed token';
  const scopes = Array.isArray(whoami.scopes) ? whoami.scopes.filter((s) => typeof s === 'string') : [];
  if (!scopes.includes(REQUIRED_SCOPE)) {
    const has = scopes.length ? `only ${scopes.join(', ')}` : 'no scopes';
    return {
      status: 'error',
      message:
        `The token "${name}" is valid but has ${has}: it needs the "${REQUIRED_SCOPE}" scope to ` +
        `read requests. Create one with \`services360 create-token --scopes read\`.`,
    };
  }
  return { status: 'success', message: `Connected as ${name} with scopes ${scopes.join(', ')}.` };
}

export function healthFromError(err: AggregatorError): HealthResult {
  switch (err.kind) {
    case 'unreachable':
      return { status: 'error', message: err.message };
    case 'unauthorized':
      return {
        status: 'error',
        message:
          'The aggregator rejected the API token (401): it is missing, unknown or revoked. Paste a valid token and save.',
      };
    case 'forbidden':
      return {
        status: 'error',
        message: `The API token is not allowed to read (403): it needs the "${REQUIRED_SCOPE}" scope.`,
      };
    default:
      return { status: 'error', message: err.message };
  }
}
