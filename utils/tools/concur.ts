import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // /nui/expense/reports/<id>, /nui/expense, classic /expense/client/default.asp
  [/^\/nui\/expense\/reports?\/[^/]+/, 'expense-report'],
  [/^\/(nui\/)?expense\b/, 'expense'],
  [/^\/(nui\/)?request\b/, 'request'],
  [/^\/(nui\/)?travel\b/, 'travel'],
  [/^\/(nui\/)?invoice\b/, 'invoice'],
  [/^\/approvalsportal\.asp|^\/nui\/approvals?\b/, 'approvals'],
  [/^\/nui\/(authadmin|ocstool)\b|^\/admin\b/, 'admin'],
  [/^\/profile\b|^\/nui\/profile\b/, 'profile'],
  [/^\/home\.asp|^\/nui\/home\b|^\/$/, 'home'],
];

export default {
  id: 'concur',
  name: 'SAP Concur',
  // www.concursolutions.com and the data-center hosts us2., eu2., …
  hosts: ['*.concursolutions.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
