import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpError } from '@/utils/sources/types';

export type Route = string | (() => Response);

const TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/atom+xml; charset=utf-8',
};

/**
 * A fetch for adapter tests: serves files of `tests/fixtures/sources/<dir>` by exact URL, records
 * what was asked, and fails like the engine's fetch (HttpError) for anything else.
 */
export function fixtureFetch(dir: string, routes: Record<string, Route>) {
  const requested: string[] = [];
  const fetch = async (url: string): Promise<Response> => {
    requested.push(url);
    const route = routes[url];
    if (route === undefined) throw new HttpError(404, `no fixture for ${url}`);
    if (typeof route === 'function') return route();
    const type = TYPES[route.split('.').pop() ?? ''] ?? 'text/html; charset=utf-8';
    const body = new Uint8Array(
      readFileSync(join(import.meta.dirname, '../../fixtures/sources', dir, route)),
    );
    return new Response(body, { headers: { 'content-type': type } });
  };
  return { fetch, requested };
}
