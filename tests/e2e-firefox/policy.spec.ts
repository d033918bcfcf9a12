/**
 * Firefox's enterprise policy: `policies.json` with `3rdparty.Extensions.<gecko id>` sets a catalog
 * source served on 127.0.0.1 and a tool rule mapping 127.0.0.1 to Jira, and switches the demo
 * content off (read by the extension as `storage.managed`). Debian's Firefox reads
 * /etc/firefox/policies/policies.json; the test writes it, puts back whatever was there, and is
 * skipped with a message where the folder is not writable.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORP_CATALOG, policyDirWritable } from '../e2e/policy-fixtures';
import { type DomNode, type FirefoxHarness, GECKO_ID, itemTitles, launch, openNudge } from './firefox';

const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = `${POLICY_DIR}/policies.json`;

const canWrite = policyDirWritable(POLICY_DIR, 'Firefox policy E2E');

describe.skipIf(!canWrite)('enterprise policy (Firefox policies.json)', () => {
  let h: FirefoxHarness;
  const previous = existsSync(POLICY_FILE) ? readFileSync(POLICY_FILE, 'utf8') : null;
  const server = createServer((request, response) => {
    if (request.url === '/catalog.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(CORP_CATALOG));
    } else response.writeHead(404).end();
  });

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    const policies = {
      policies: {
        '3rdparty': {
          Extensions: {
            [GECKO_ID]: {
              demoContent: false,
              sources: [
                {
                  id: 'corp-kb',
                  type: 'catalog',
                  url: `http://127.0.0.1:${port}/catalog.json`,
                  name: 'Corp KB',
                  tools: ['jira'],
                },
              ],
              toolRules: [{ tool: 'jira', matches: ['http://127.0.0.1/*'] }],
            },
          },
        },
      },
    };
    writeFileSync(POLICY_FILE, JSON.stringify(policies));
    h = await launch({ grantHosts: ['http://127.0.0.1/*'] });
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((done) => server.close(done));
    if (previous === null) rmSync(POLICY_FILE, { force: true });
    else writeFileSync(POLICY_FILE, previous);
  });

  it("shows the policy's source on the page its rule maps, and no demo content", async () => {
    const page = await h.newPage();
    // The policy's source syncs on the first start; reload until its items have arrived.
    let open: DomNode | null = null;
    for (let attempt = 0; attempt < 10 && !open; attempt++) {
      await page.goto(`${h.localUrl}/jira-board.html`);
      open = await openNudge(h, page, 3000);
    }
    const titles = itemTitles(open);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/^Corp: /);
    await page.close();
  });
});
