/**
 * Which business tool is this URL? One detector per file (file name = tool id), listed here in
 * the order they are tried: a detector listed earlier wins where two could claim a URL.
 */
import confluence from './confluence';
import github from './github';
import gmail from './gmail';
import googleDocs from './google-docs';
import googleSheets from './google-sheets';
import jira from './jira';
import onedrive from './onedrive';
import outlook from './outlook';
import salesforce from './salesforce';
import sharepoint from './sharepoint';
import slack from './slack';
import teams from './teams';
import type { Detection, ToolDetector } from './types';

export type { Detection, ToolDetector } from './types';

export const DETECTORS: readonly ToolDetector[] = [
  github,
  jira,
  confluence,
  googleDocs,
  googleSheets,
  gmail,
  salesforce,
  slack,
  outlook,
  teams,
  // OneDrive's tenant hosts sit below sharepoint.com: try it first.
  onedrive,
  sharepoint,
];

/** Host comparison label by label: `*.x.y` matches `a.x.y` and `a.b.x.y`, never `x.y.evil` or `ax.y`. */
export function hostMatches(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) return host.endsWith(`.${pattern.slice(2)}`);
  return host === pattern;
}

function parseHttpUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The tool a URL belongs to (and the screen inside it), or null when it is not a known tool. */
export function detectTool(url: string, doc?: Document): Detection | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  for (const detector of DETECTORS) {
    const hostOk =
      detector.hosts.some((pattern) => hostMatches(parsed.hostname, pattern)) ||
      (detector.hostTest?.(parsed.hostname.toLowerCase()) ?? false);
    if (!hostOk || (detector.path && !detector.path.test(parsed.pathname))) continue;
    const detection: Detection = { id: detector.id, name: detector.name };
    const area = detector.area?.(parsed, doc);
    if (area) detection.area = area;
    return detection;
  }
  return null;
}

/** The tool's display name for an id, falling back to the id itself (an admin's own tool). */
export function toolName(id: string): string {
  return DETECTORS.find((detector) => detector.id === id)?.name ?? id;
}

/** Match patterns for the manifest's content script: every built-in tool's hosts, https only. */
export function builtinMatchPatterns(): string[] {
  const patterns = new Set<string>();
  for (const detector of DETECTORS) {
    for (const host of detector.hosts) patterns.add(`https://${host}/*`);
  }
  return [...patterns].sort();
}
