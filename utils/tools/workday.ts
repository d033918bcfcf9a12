import type { ToolDetector } from './types';

/** Paths after /<tenant>/ (e.g. wd5.myworkday.com/acme/d/task/2997$4567.htmld). */
const AREAS: [RegExp, string][] = [
  [/^d\/task\/|^d\/inst\/[^/]+\/rel-task\//, 'task'],
  [/^d\/inbox\b/, 'inbox'],
  [/^d\/(pex\/)?home\.htmld/, 'home'],
  [/^d\/search\.htmld/, 'search'],
  [/^d\/inst\//, 'record'],
  [/^login\b/, 'sign-in'],
];

export default {
  id: 'workday',
  name: 'Workday',
  // Production tenants are on <dc>.myworkday.com (wd3, wd5, wd12, …; impl.wd12.myworkday.com for
  // newer data centers' sandboxes); older data centers' sandbox and implementation tenants are on
  // one host per data center (impl.workday.com is data center 1), which a wildcard would overreach.
  hosts: [
    '*.myworkday.com',
    '*.myworkdaygov.com',
    'impl.workday.com',
    'wd2-impl.workday.com',
    'wd3-impl.workday.com',
    'wd5-impl.workday.com',
    'wd10-impl.workday.com',
    'wd102-impl.workday.com',
    'wd103-impl.workday.com',
    'wd105-impl.workday.com',
    'wd501-impl.workday.com',
    'wd104-impl.workdaygov.com',
  ],
  area(url) {
    // The sign-in gateway puts the tenant after the prefix: /wday/authgwy/<tenant>/login.htmld
    if (/^\/wday\/authgwy\/[^/]+\/login/.test(url.pathname)) return 'sign-in';
    const [, , ...rest] = url.pathname.split('/');
    const afterTenant = rest.join('/');
    return AREAS.find(([pattern]) => pattern.test(afterTenant))?.[1];
  },
} satisfies ToolDetector;
