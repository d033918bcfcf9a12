// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const BASE = 'https://airtable.com/appAbCdEfGhIjKlMn';

describe('airtable detector', () => {
  it.each([
    [`${BASE}/tblAbCdEfGhIjKlMn/viwAbCdEfGhIjKlMn`, 'table'],
    [`${BASE}/tblAbCdEfGhIjKlMn/viwAbCdEfGhIjKlMn/recAbCdEfGhIjKlMn`, 'record'],
    [`${BASE}/tblAbCdEfGhIjKlMn`, 'table'],
    [`${BASE}/pagAbCdEfGhIjKlMn`, 'interface'],
    [`${BASE}/pagAbCdEfGhIjKlMn/form`, 'form'],
    [`${BASE}/wflAbCdEfGhIjKlMn`, 'automation'],
    [`${BASE}/shrAbCdEfGhIjKlMn`, 'shared-view'],
    ['https://airtable.com/shrAbCdEfGhIjKlMn', 'shared-view'],
    [BASE, 'base'],
    ['https://airtable.com/', 'home'],
    ['https://airtable.com/workspaces', 'home'],
    ['https://airtable.com/product/interfaces', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'airtable', area));

  it.each([
    'https://airtable.com.evil.example/appAbCdEfGhIjKlMn',
    'https://evilairtable.com/appAbCdEfGhIjKlMn',
    'https://acme.airtable.com/appAbCdEfGhIjKlMn',
    'https://evil.example/appAbCdEfGhIjKlMn/tblAbCdEfGhIjKlMn',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a grid view', () => {
    const screen = readScreen('airtable', `${BASE}/tblAbCdEfGhIjKlMn/viwAbCdEfGhIjKlMn`);
    expectScreen(screen, 'airtable', 'table');
    expect(screen.context.headings).toEqual(['Content pipeline']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Automations', 'Hide fields', 'Publish date', 'Editing', 'Edit cell']),
    );
  });
});
