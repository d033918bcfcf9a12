import type { ToolDetector } from './types';

/** Admin Console paths: /admin/users, /admin/user/profile/view/<id>, /admin/apps/active, … */
const ADMIN_AREAS: [RegExp, string][] = [
  [/^\/admin\/dashboard\b/, 'admin-dashboard'],
  [/^\/admin\/(users?|people)\b/, 'admin-users'],
  [/^\/admin\/groups?\b/, 'admin-groups'],
  [/^\/admin\/(apps?)\b/, 'admin-apps'],
  [/^\/admin\/(access|authn|authenticators)\b/, 'admin-security'],
  [/^\/(admin\/reports|report\/)/, 'admin-reports'],
];

const USER_AREAS: [RegExp, string][] = [
  // End-user dashboard: /app/UserHome; its newer shape /enduser/…
  [/^\/app\/UserHome\b|^\/enduser\/dashboard\b/i, 'dashboard'],
  [/^\/enduser\/settings\b/, 'settings'],
  [/^\/enduser\/catalog\b/, 'catalog'],
  [/^\/(signin|login\/|oauth2\/)/, 'sign-in'],
];

export default {
  id: 'okta',
  name: 'Okta',
  // <org>.okta.com with its Admin Console on <org>-admin.okta.com; EU cell okta-emea.com;
  // preview orgs on oktapreview.com.
  hosts: ['*.okta.com', '*.okta-emea.com', '*.oktapreview.com'],
  // Okta's own sites share the tenant wildcard: marketing, developer docs, help, support cases,
  // status and trust pages are not an organisation's Okta. (login.okta.com is an Okta org: kept.)
  notHosts: [
    'www.okta.com',
    'developer.okta.com',
    'help.okta.com',
    'support.okta.com',
    'status.okta.com',
    'trust.okta.com',
  ],
  area(url) {
    const path = url.pathname;
    const admin = ADMIN_AREAS.find(([pattern]) => pattern.test(path))?.[1];
    if (admin) return admin;
    if (path.startsWith('/admin/') || /-admin\./.test(url.hostname.toLowerCase())) return 'admin';
    return USER_AREAS.find(([pattern]) => pattern.test(path))?.[1];
  },
} satisfies ToolDetector;
