import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // Sharing links: /:w:/g/personal/…, /:x:/r/…; :f: is a folder, the other letters a document type.
  [/^\/:f:\//, 'files'],
  [/^\/:[a-z]:\//, 'document'],
  [/\/_layouts\/15\/(doc|doc2|WopiFrame)\.aspx|^\/edit(\.aspx)?\b/i, 'document'],
];

export default {
  id: 'onedrive',
  name: 'OneDrive',
  // onedrive.live.com (personal) and onedrive.cloud.microsoft; the work-or-school hosts are covered
  // for injection by SharePoint's *.sharepoint.com.
  hosts: ['onedrive.live.com', 'onedrive.cloud.microsoft'],
  // OneDrive for work or school lives on the tenant's personal site: <tenant>-my.sharepoint.com.
  hostTest: (hostname) => /^[a-z0-9-]+-my\.sharepoint\.com$/.test(hostname),
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1] ?? 'files',
} satisfies ToolDetector;
