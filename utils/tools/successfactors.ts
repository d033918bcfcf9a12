import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // BizX pages: /sf/home?company=<id>, /sf/liveprofile, /sf/orgchart, /sf/pmreviews, /sf/timesheet
  [/^\/sf\/home\b/, 'home'],
  [/^\/sf\/start\b|^\/login\b/, 'sign-in'],
  [/^\/sf\/liveprofile\b|^\/xi\/ui\/peopleprofile\b/, 'profile'],
  [/^\/sf\/orgchart\b/, 'org-chart'],
  [/^\/sf\/(pmreviews|pmhub)\b|^\/xi\/ui\/pmreviews\b/, 'performance'],
  [/^\/sf\/goals\b|^\/xi\/ui\/goals\b/, 'goals'],
  [/^\/sf\/learning\b/, 'learning'],
  [/^\/sf\/(timesheet|timeoff)\b|^\/xi\/ui\/(timesheet|timeoff)\b/, 'time'],
  [/^\/sf\/recruiting\b|^\/xi\/ui\/rcm/, 'recruiting'],
  [/^\/sf\/admin\b|^\/xi\/ui\/admin/, 'admin'],
  // Career sites: career<n>.successfactors.eu/career?company=<id>
  [/^\/careers?\b|^\/sfcareer\b/, 'careers'],
];

export default {
  id: 'successfactors',
  name: 'SAP SuccessFactors',
  // Data-center hosts such as performancemanager4.successfactors.com, hcm12preview.sapsf.eu,
  // salesdemo.successfactors.eu; sapsf.cn for the China data center.
  hosts: ['*.successfactors.com', '*.successfactors.eu', '*.sapsf.com', '*.sapsf.eu', '*.sapsf.cn'],
  // www.successfactors.com is SAP's marketing redirect; instances are on data-centre hosts.
  notHosts: ['www.successfactors.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
