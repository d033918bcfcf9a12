// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const WS = 'https://app.powerbi.com/groups/3f2c1a9e-1111-2222-3333-444455556666';

describe('powerbi detector', () => {
  it.each([
    [`${WS}/reports/0be65715-f1d4-4d39-bb05-89f79e85f4bb/ReportSection?experience=power-bi`, 'report'],
    ['https://app.powerbi.com/groups/me/reports/474a5dc8-8fe6-4697-a323-8b75d5b3cd82/88b9336782f7', 'report'],
    ['https://app.powerbi.com/groups/me/apps/3bc63f1b/reports/33271b9b-d03f/ba46ae49a5fb7', 'report'],
    [`${WS}/rdlreports/9a8b7c6d-0000-1111-2222-333344445555`, 'paginated-report'],
    [`${WS}/dashboards/5e4d3c2b-0000-1111-2222-333344445555`, 'dashboard'],
    [`${WS}/datasets/1a2b3c4d-0000-1111-2222-333344445555/details`, 'semantic-model'],
    ['https://app.powerbi.com/groups/me/apps/3bc63f1b-3cb6-49d4-bf4f-24c8c0ea3a5e', 'app'],
    ['https://app.powerbi.com/groups/me/apps', 'apps'],
    [`${WS}/list?experience=power-bi`, 'workspace'],
    ['https://app.powerbi.com/home?experience=power-bi', 'home'],
    ['https://app.powerbi.com/reportEmbed?reportId=0be65715&autoAuth=true', 'report'],
    ['https://app.fabric.microsoft.com/groups/me/reports/0be65715-f1d4/ReportSection', 'report'],
    ['https://app.powerbigov.us/groups/me/dashboards/5e4d3c2b', 'dashboard'],
  ])('%s → %s', (url, area) => expectDetected(url, 'powerbi', area));

  it.each([
    'https://app.powerbi.com.evil.example/groups/me/reports/1',
    'https://powerbi.com/groups/me/reports/1',
    'https://evilpowerbi.com/groups/me/reports/1',
    'https://www.microsoft.com/en-us/power-platform/products/power-bi',
    'https://fabric.microsoft.com.evil.example/',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a report', () => {
    const screen = readScreen('powerbi', `${WS}/reports/0be65715-f1d4-4d39-bb05-89f79e85f4bb/ReportSection`);
    expectScreen(screen, 'powerbi', 'report');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Sales Performance', 'Revenue by Month', 'Filters on this page']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Subscribe to report', 'By Region', 'Data updated 09/03/26', 'Region']),
    );
  });
});
