// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('successfactors detector', () => {
  it.each([
    ['https://performancemanager4.successfactors.com/sf/home?company=ACMECORP', 'home'],
    ['https://performancemanager8.successfactors.com/sf/home?bplte_company=acme', 'home'],
    ['https://salesdemo.successfactors.eu/sf/start/#/companyEntry', 'sign-in'],
    ['https://hcm12preview.sapsf.eu/login?company=ACMECORP', 'sign-in'],
    ['https://hcm55.sapsf.eu/sf/liveprofile?selected_user=12345', 'profile'],
    ['https://hcm41.sapsf.com/sf/orgchart', 'org-chart'],
    ['https://performancemanager5.successfactors.eu/sf/pmreviews', 'performance'],
    ['https://performancemanager5.successfactors.eu/sf/goals', 'goals'],
    ['https://performancemanager10.successfactors.com/sf/timesheet', 'time'],
    ['https://hcm41.sapsf.com/xi/ui/admin/pages/adminCenter.xhtml', 'admin'],
    ['https://career5.successfactors.eu/career?company=acme', 'careers'],
    ['https://hcm-cn.sapsf.cn/sf/home?company=acmecn', 'home'],
  ])('%s → %s', (url, area) => expectDetected(url, 'successfactors', area));

  it.each([
    'https://performancemanager4.successfactors.com.evil.example/sf/home',
    'https://successfactors.com/sf/home',
    'https://evilsapsf.com/sf/home',
    'https://evil.example/sf/home?company=ACMECORP',
    'https://sapsf.eu.evil.example/sf/home',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the home page', () => {
    const screen = readScreen('successfactors', 'https://hcm55.sapsf.eu/sf/home?company=ACMECORP');
    expectScreen(screen, 'successfactors', 'home');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Quick Actions', 'For You Today', 'Complete 2025 Year-End Review']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Module picker', 'Request Time Off', 'Due in 3 days', 'Password']),
    );
  });
});
