import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // Web app: apps.docusign.com/send/home, /send/documents, /send/prepare/<envelope>/add-fields
  [/^\/(send\/)?prepare\b/, 'prepare'],
  [/^\/(send\/)?(documents|agreements)\b|^\/agreements\b/, 'agreements'],
  [/^\/(send\/)?templates\b/, 'templates'],
  [/^\/(send\/)?reports\b/, 'reports'],
  [/^\/(send\/)?home\b|^\/?$/, 'home'],
  [/^\/admin\b/, 'admin'],
  // Signing ceremony on <region>.docusign.net: /Signing/?ti=…, /Signing/EmailStart.aspx?…
  [/^\/signing\b/i, 'signing'],
];

export default {
  id: 'docusign',
  name: 'Docusign',
  // app. and apps. (production), appdemo. and apps-d. (developer sandbox), admin. (organization
  // admin); envelopes are signed on <region>.docusign.net (na3., eu., demo., …).
  hosts: [
    'app.docusign.com',
    'apps.docusign.com',
    'appdemo.docusign.com',
    'apps-d.docusign.com',
    'admin.docusign.com',
    '*.docusign.net',
  ],
  area(url) {
    if (url.hostname.toLowerCase() === 'admin.docusign.com') return 'admin';
    return AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1];
  },
} satisfies ToolDetector;
