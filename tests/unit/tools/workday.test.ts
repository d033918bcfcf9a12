// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('workday detector', () => {
  it.each([
    ['https://wd5.myworkday.com/acme/d/task/2997$4567.htmld', 'task'],
    ['https://wd3.myworkday.com/acme/d/task/1422$3898.htmld', 'task'],
    ['https://wd5.myworkday.com/acme/d/inst/247$12345/rel-task/2997$9444.htmld', 'task'],
    ['https://wd5.myworkday.com/acme/d/inst/1$17815/17815$1642.htmld', 'record'],
    ['https://wd3.myworkday.com/acme/d/home.htmld', 'home'],
    ['https://wd12.myworkday.com/acme/d/pex/home.htmld', 'home'],
    ['https://www.myworkday.com/acme/d/inbox.htmld', 'inbox'],
    ['https://wd5.myworkday.com/acme/d/search.htmld?q=expenses', 'search'],
    ['https://wd5.myworkday.com/acme/login.htmld', 'sign-in'],
    ['https://wd3.myworkday.com/wday/authgwy/acme/login.htmld?redirect=n', 'sign-in'],
    ['https://wd5-impl.workday.com/acme5/d/task/2997$4567.htmld', 'task'],
    ['https://impl.workday.com/acme_preview/d/home.htmld', 'home'],
    ['https://impl.wd12.myworkday.com/acme1/d/home.htmld', 'home'],
    ['https://wd104-impl.workdaygov.com/agency/d/home.htmld', 'home'],
    ['https://wd5.myworkday.com/acme', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'workday', area));

  it.each([
    'https://wd5.myworkday.com.evil.example/acme/d/home.htmld',
    'https://evil.example/acme/d/task/2997$4567.htmld?host=wd5.myworkday.com',
    'https://myworkday.com/acme/d/home.htmld',
    'https://evilmyworkday.com/acme/d/home.htmld',
    // Careers sites and the vendor's public site are not the Workday tenant.
    'https://acme.wd5.myworkdayjobs.com/en-US/careers',
    'https://www.workday.com/en-us/products/human-capital-management/overview.html',
    'https://wd2-impl-services1.workday.com/ccx/service/acme/Human_Resources',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a task screen', () => {
    const screen = readScreen('workday', 'https://wd5.myworkday.com/acme/d/task/2997$4567.htmld');
    expectScreen(screen, 'workday', 'task');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Request Time Off', 'Select the Date(s) for Your Request']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Workday Home', 'Type', 'Submit', 'Mon']),
    );
  });
});
