/**
 * Which business tool is this URL? One detector per file (file name = tool id), listed here in
 * the order they are tried: a detector listed earlier wins where two could claim a URL. The list is
 * alphabetical except where that matters (OneDrive before SharePoint); tools sharing a host
 * otherwise have disjoint paths (Jira and Confluence on *.atlassian.net; Docs, Sheets and Slides
 * on docs.google.com).
 */
import airtable from './airtable';
import asana from './asana';
import bitbucket from './bitbucket';
import clickup from './clickup';
import concur from './concur';
import confluence from './confluence';
import docusign from './docusign';
import dynamics from './dynamics';
import figma from './figma';
import freshdesk from './freshdesk';
import github from './github';
import gitlab from './gitlab';
import gmail from './gmail';
import googleCalendar from './google-calendar';
import googleDocs from './google-docs';
import googleDrive from './google-drive';
import googleSheets from './google-sheets';
import googleSlides from './google-slides';
import { hintsOf } from './hints';
import hubspot from './hubspot';
import intercom from './intercom';
import jira from './jira';
import linear from './linear';
import microsoft365 from './microsoft-365';
import miro from './miro';
import monday from './monday';
import notion from './notion';
import okta from './okta';
import onedrive from './onedrive';
import outlook from './outlook';
import powerbi from './powerbi';
import salesforce from './salesforce';
import sap from './sap';
import servicenow from './servicenow';
import sharepoint from './sharepoint';
import slack from './slack';
import smartsheet from './smartsheet';
import successfactors from './successfactors';
import tableau from './tableau';
import teams from './teams';
import trello from './trello';
import type { Detection, PageHints, ToolDetector } from './types';
import workday from './workday';
import zendesk from './zendesk';
import zoom from './zoom';

export { pageHints } from './hints';
export type { Detection, PageHints, ToolDetector } from './types';

export const DETECTORS: readonly ToolDetector[] = [
  airtable,
  asana,
  bitbucket,
  clickup,
  concur,
  confluence,
  docusign,
  dynamics,
  figma,
  freshdesk,
  github,
  gitlab,
  gmail,
  googleCalendar,
  googleDocs,
  googleDrive,
  googleSheets,
  googleSlides,
  hubspot,
  intercom,
  jira,
  linear,
  microsoft365,
  miro,
  monday,
  notion,
  okta,
  // OneDrive's work-or-school hosts sit below sharepoint.com: try it before SharePoint.
  onedrive,
  outlook,
  powerbi,
  salesforce,
  sap,
  servicenow,
  sharepoint,
  slack,
  smartsheet,
  successfactors,
  tableau,
  teams,
  trello,
  workday,
  zendesk,
  zoom,
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
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    // A fully qualified name (`github.com.`) is the same host: detectors compare without the dot.
    if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.slice(0, -1);
    return parsed;
  } catch {
    return null;
  }
}

/**
 * The tool a URL belongs to (and the screen inside it), or null when it is not a known tool. The
 * page (a document, or the hints the content script read from it) tells a few screens apart.
 */
export function detectTool(url: string, doc?: Document | PageHints): Detection | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  for (const detector of DETECTORS) {
    const hostOk =
      (detector.hosts.some((pattern) => hostMatches(parsed.hostname, pattern)) ||
        (detector.hostTest?.(parsed.hostname) ?? false)) &&
      !detector.notHosts?.some((pattern) => hostMatches(parsed.hostname, pattern));
    if (!hostOk || (detector.path && !detector.path.test(parsed.pathname))) continue;
    const detection: Detection = { id: detector.id, name: detector.name };
    const area = detector.area?.(parsed, hintsOf(doc));
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

/** Match patterns the manifest's content script leaves out: the vendors' own sites under a tool's wildcard. */
export function builtinExcludePatterns(): string[] {
  const patterns = new Set<string>();
  for (const detector of DETECTORS) {
    for (const host of detector.notHosts ?? []) patterns.add(`https://${host}/*`);
  }
  return [...patterns].sort();
}
