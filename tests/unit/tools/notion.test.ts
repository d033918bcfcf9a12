// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const ID = '1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6';
const VIEW = '9f8e7d6c5b4a43219876fedcba012345';

describe('notion detector', () => {
  it.each([
    [`https://www.notion.so/acme/Incident-runbook-${ID}`, 'page'],
    [`https://www.notion.so/${ID}`, 'page'],
    [`https://www.notion.so/acme/${ID}?v=${VIEW}`, 'database'],
    [`https://www.notion.so/acme/Product-roadmap-${ID}?v=${VIEW}&p=${ID}&pm=s`, 'database'],
    [`https://www.notion.so/acme/Team-home-${ID}?p=${ID}`, 'page'],
    [`https://notion.so/acme/Runbook-${ID}`, 'page'],
    [`https://app.notion.com/p/Implement-the-dashboard-${ID}`, 'page'],
    [`https://acme.notion.site/Careers-${ID}`, 'page'],
    ['https://www.notion.so/acme', undefined],
    ['https://www.notion.so/pricing', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'notion', area));

  it.each([
    `https://www.notion.so.evil.example/acme/Runbook-${ID}`,
    `https://evil.example/acme/Runbook-${ID}`,
    `https://notion.site/Runbook-${ID}`,
    `https://evilnotion.site/Runbook-${ID}`,
    `https://notion.so.evil.example/${ID}`,
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a database', () => {
    const screen = readScreen('notion', `https://www.notion.so/acme/Product-roadmap-${ID}?v=${VIEW}`);
    expectScreen(screen, 'notion', 'database');
    expect(screen.context.headings).toEqual(['Product roadmap']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['By quarter', 'New database entry', 'Quarter', 'In progress', 'Contains']),
    );
  });
});
