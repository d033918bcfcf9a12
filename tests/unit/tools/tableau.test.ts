// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('tableau detector', () => {
  it.each([
    ['https://10az.online.tableau.com/#/site/acme/views/Customer360/LandingPage?:iid=1', 'view'],
    ['https://us-east-1.online.tableau.com/#/site/sci/views/Tracker/Metrics', 'view'],
    ['https://10ay.online.tableau.com/#/site/victorious/workbooks/330876/views', 'workbook'],
    ['https://prod-useast-a.online.tableau.com/#/site/acme/projects/12', 'project'],
    ['https://prod-useast-a.online.tableau.com/#/site/acme/datasources/77', 'data-source'],
    ['https://10ay.online.tableau.com/#/site/acme/home', 'home'],
    ['https://10ay.online.tableau.com/#/site/acme/explore', 'explore'],
    ['https://10ay.online.tableau.com/#/site/acme/users', 'admin'],
    ['https://online.tableau.com/#/site/acme/workbooks', 'workbook'],
    ['https://10ay.online.tableau.com/#/views/Sales/Overview', 'view'],
    ['https://10ay.online.tableau.com/t/acme/views/Sales/Overview', 'view'],
    ['https://10ay.online.tableau.com/t/acme/authoring/Sales/Overview', 'editor'],
    ['https://10ay.online.tableau.com/pulse/site/acme/metrics/1', 'pulse'],
    ['https://10ay.online.tableau.com/#/site/acme', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'tableau', area));

  it.each([
    'https://10ay.online.tableau.com.evil.example/#/site/acme/views/x/y',
    'https://evilonline.tableau.com/#/site/acme/views/x/y',
    'https://tableau.com.evil.example/',
    'https://www.tableau.com/products/cloud',
    'https://evil.example/#/site/acme/views/x/y',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a view', () => {
    const screen = readScreen(
      'tableau',
      'https://10ay.online.tableau.com/#/site/acme/views/RegionalSales/Overview',
    );
    expectScreen(screen, 'tableau', 'view');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Overview', 'Sales by Region', 'Profit Ratio by Category']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Subscribe', 'Edit view', 'Data last refreshed 9 Mar 2026', 'Region']),
    );
  });
});
