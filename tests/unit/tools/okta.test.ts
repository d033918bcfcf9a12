// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('okta detector', () => {
  it.each([
    ['https://acme.okta.com/app/UserHome', 'dashboard'],
    ['https://acme.okta.com/enduser/settings', 'settings'],
    ['https://acme.okta.com/enduser/catalog', 'catalog'],
    ['https://acme.okta.com/signin/verify/okta/push', 'sign-in'],
    ['https://acme.okta.com/login/login.htm?fromURI=%2Fapp%2FUserHome', 'sign-in'],
    ['https://acme.okta.com/oauth2/v1/authorize?client_id=x', 'sign-in'],
    ['https://acme-admin.okta.com/admin/dashboard', 'admin-dashboard'],
    ['https://acme-admin.okta.com/admin/users', 'admin-users'],
    ['https://acme-admin.okta.com/admin/user/profile/view/00u1abcd', 'admin-users'],
    ['https://acme-admin.okta.com/admin/groups', 'admin-groups'],
    ['https://acme-admin.okta.com/admin/apps/active', 'admin-apps'],
    ['https://acme-admin.okta.com/admin/access/policies', 'admin-security'],
    ['https://acme-admin.okta.com/report/system_log_2', 'admin-reports'],
    ['https://acme-admin.okta.com/admin/settings/account', 'admin'],
    ['https://acme-admin.okta.com/', 'admin'],
    ['https://acme.okta-emea.com/app/UserHome', 'dashboard'],
    ['https://acme.oktapreview.com/app/UserHome', 'dashboard'],
  ])('%s → %s', (url, area) => expectDetected(url, 'okta', area));

  it.each([
    'https://acme.okta.com.evil.example/app/UserHome',
    'https://evilokta.com/app/UserHome',
    'https://okta.com.evil.example/',
    'https://acme-okta.com/app/UserHome',
    'https://evil.example/login/login.htm?okta=acme.okta.com',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the sign-in page without the credentials typed into it', () => {
    const screen = readScreen('okta', 'https://acme.okta.com/signin/verify/okta/push');
    expectScreen(screen, 'okta', 'sign-in');
    expect(screen.context.headings).toEqual(['Sign In']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Username', 'Password', 'Sign in', 'Okta Verify push sent']),
    );
    expect(JSON.stringify(screen.context)).not.toContain('correct-horse-battery');
  });
});
