/**
 * Other words for the same thing: abbreviations people type ("2FA", "PR", "repo") and the words
 * a tool uses for an idea another tool names differently ("merge request", "pull request").
 * A small maintained list, general and per tool, that an organisation extends with its own terms
 * (`admin-terms.ts`). Each group is a set of equivalent terms; a term is one or more words.
 *
 * Every group must hold in business-tool help content, because a wrong one pulls unrelated
 * articles into every search that uses the word. A group may also join the words people type for
 * a thing with the name the help gives it ("phone menu" for an auto attendant, "choppy" for call
 * quality, "executives" for VIP callers); a word that means something else in another tool goes
 * into that tool's list only. With these lists "other words" reach hit@3 0.83 on the real sets'
 * development queries they were written beside and 0.43 on the held-out ones (npm test): people's
 * own words are too many for any list, which is why an organisation adds its own (`admin-terms.ts`).
 */
import type { ToolId } from '../model';

export type SynonymGroup = readonly string[];

/** Equivalences true in any business tool's help. */
export const GENERAL_SYNONYMS: readonly SynonymGroup[] = [
  // sign-in and identity
  [
    '2fa',
    'two-factor authentication',
    'mfa',
    'multi-factor authentication',
    '2-step verification',
    'two-step verification',
  ],
  ['otp', 'one-time password', 'one-time passcode', 'verification code'],
  ['passkey', 'webauthn', 'fido2'],
  ['sso', 'single sign-on'],
  ['saml', 'security assertion markup language'],
  ['oidc', 'openid connect'],
  ['idp', 'identity provider'],
  ['scim', 'user provisioning', 'automatic provisioning'],
  ['deprovision', 'offboard', 'deprovisioning', 'offboarding'],
  ['locked out', 'account lockout', 'unlock account'],
  ['forgot password', 'password reset', 'reset password', 'self-service password reset', 'sspr'],
  ['password expiry', 'password expiration'],
  ['password rules', 'password policy', 'password requirements', 'password complexity'],
  ['session timeout', 'session lifetime', 'idle timeout', 'session expiration'],
  ['setup', 'set up'],
  ['signup', 'sign up'],
  ['log in', 'sign in', 'login'],
  ['log out', 'sign out', 'logout'],
  ['sign up', 'self-registration', 'create an account'],
  ['pw', 'password'],
  ['pat', 'personal access token'],
  ['api key', 'access token', 'bearer token'],
  ['redirect uri', 'redirect url', 'callback url', 'reply url'],
  ['client secret', 'application secret', 'app secret'],
  ['client id', 'application id', 'app id'],
  ['refresh token', 'offline access'],
  ['m2m', 'machine-to-machine', 'service-to-service', 'client credentials'],
  ['pkce', 'proof key for code exchange'],
  ['jwt', 'json web token'],
  ['cors', 'cross-origin resource sharing'],
  ['csp', 'content security policy'],
  ['rate limit', 'throttling', 'too many requests'],
  ['allowlist', 'whitelist'],
  ['blocklist', 'blacklist'],
  ['vpn', 'virtual private network'],
  ['dlp', 'data loss prevention'],
  ['legal hold', 'litigation hold', 'ediscovery hold'],
  ['information barriers', 'ethical wall', 'ethical walls'],
  ['audit trail', 'audit log', 'activity log'],
  // people and organisations
  ['admin', 'administrator'],
  ['org', 'organization', 'tenant'],
  ['external users', 'people outside your organization', 'outside collaborators'],
  ['presence', 'availability status'],
  ['dnd', 'do not disturb'],
  ['ooo', 'out of office', 'automatic replies', 'auto reply'],
  ['pto', 'paid time off', 'time off', 'vacation', 'leave request'],
  ['profile picture', 'avatar', 'profile photo'],
  // work, content and sharing
  ['pr', 'pull request', 'merge request'],
  ['mr', 'merge request'],
  ['repo', 'repository'],
  ['ci', 'continuous integration'],
  ['cd', 'continuous deployment'],
  ['undo', 'revert', 'roll back'],
  ['delete', 'remove'],
  ['restore', 'recover', 'undelete'],
  ['trash', 'recycle bin', 'deleted items'],
  ['version history', 'revision history', 'previous versions'],
  ['clone', 'duplicate'],
  ['bulk edit', 'mass update', 'batch update', 'bulk change', 'edit multiple'],
  ['dm', 'direct message'],
  ['doc', 'document'],
  ['perms', 'permissions', 'access rights'],
  ['config', 'configuration'],
  ['env', 'environment'],
  ['sandbox', 'test environment'],
  ['notification', 'alert'],
  ['dark mode', 'dark theme'],
  ['e-mail', 'email', 'mail'],
  ['spam', 'junk'],
  ['rename', 'change the name'],
  ['invite', 'add people'],
  ['kb', 'knowledge base'],
  ['faq', 'frequently asked questions'],
  ['keyboard shortcut', 'hotkey', 'shortcut key'],
  ['add-in', 'add-on', 'plugin', 'plug-in'],
  ['scheduled job', 'scheduled task', 'cron job'],
  ['mandatory field', 'required field'],
  ['logo', 'branding'],
  ['spa', 'single-page app', 'single-page application'],
  ['vm', 'virtual machine'],
  ['vdi', 'virtual desktop infrastructure', 'virtual desktop'],
  ['url', 'link'],
  // what common error messages mean, for pasted lines: the message's words, then the task that fixes it
  ['not recognized as the name of a cmdlet', 'install the powershell module'],
  ['command not found', 'install'],
  ['no module named', 'install the module'],
  ['permission denied', 'access denied', 'insufficient privileges', 'not authorized', 'missing permissions'],
  ['installation has failed', 'installation failed', 'error while installing', 'troubleshoot installation'],
  ['couldnt sign you in', 'sign-in failed', 'login failed', 'troubleshoot sign-in'],
  ['certificate has expired', 'certificate expired', 'renew the certificate'],
  ['self-signed certificate', 'untrusted certificate', 'certificate chain'],
  ['quota exceeded', 'storage full', 'storage limit'],
  ['timed out', 'connection timeout', 'network connectivity'],
  // service and support
  ['sla', 'service level agreement', 'response time target', 'resolution time target'],
  ['csat', 'customer satisfaction', 'satisfaction survey'],
  ['nps', 'net promoter score'],
  ['kpi', 'key performance indicator'],
  ['outage', 'downtime', 'service disruption'],
  ['chatbot', 'virtual agent'],
  ['canned response', 'saved reply', 'macro'],
  // calls and meetings
  ['qos', 'quality of service'],
  ['choppy', 'call quality', 'poor call quality', 'garbled audio', 'robotic voice'],
  ['freezes', 'freezing', 'not responding', 'unresponsive', 'hangs'],
  ['lag', 'latency', 'laggy'],
  ['screen share', 'screen sharing', 'share screen', 'share my screen'],
  ['lobby', 'waiting room'],
  ['virtual background', 'background effects', 'blur background', 'background blur'],
  ['caller id', 'calling line id'],
  ['number porting', 'port numbers', 'transfer phone numbers'],
  ['webinar', 'online event'],
];

/** Equivalences that hold inside one tool's vocabulary. */
export const TOOL_SYNONYMS: Readonly<Record<ToolId, readonly SynonymGroup[]>> = {
  github: [
    ['action', 'workflow'],
    ['gha', 'github actions'],
    ['fork', 'copy of a repository'],
    ['codeowners', 'code owners'],
    ['branch protection', 'protected branch', 'ruleset'],
    ['secret scanning', 'leaked secret'],
  ],
  gitlab: [
    ['pipeline', 'ci/cd'],
    ['runner', 'gitlab runner'],
    ['mr', 'merge request'],
    ['protected branch', 'branch protection'],
  ],
  jira: [
    ['ticket', 'issue'],
    ['story points', 'estimate'],
    ['jql', 'advanced search'],
    ['subtask', 'sub-task', 'child issue'],
    ['jsm', 'jira service management', 'service desk'],
  ],
  confluence: [
    ['wiki', 'page'],
    ['page tree', 'page hierarchy'],
  ],
  servicenow: [
    ['ticket', 'incident'],
    ['inc', 'incident'],
    ['ritm', 'requested item'],
    ['req', 'request'],
    ['sctask', 'catalog task'],
    ['chg', 'change request'],
    ['ctask', 'change task'],
    ['prb', 'problem'],
    ['ptask', 'problem task'],
    ['kb', 'knowledge article'],
    ['cab', 'change advisory board'],
    ['cmdb', 'configuration management database'],
    ['ci', 'configuration item'],
    ['vip', 'executive', 'executives', 'vip caller'],
    ['major incident', 'p1', 'priority 1', 'sev1', 'critical outage'],
    ['on-call', 'on call', 'pager', 'pager duty'],
    ['assignment rules', 'auto-assignment', 'automatic assignment', 'routing rules', 'ticket routing'],
    ['assignment group', 'resolver group', 'support group'],
    ['requester', 'requestor', 'caller'],
    ['work notes', 'internal comments'],
    ['close code', 'resolution code'],
    ['change freeze', 'blackout window', 'blackout schedule'],
    ['standard change', 'pre-approved change'],
    ['service portal', 'self-service portal', 'employee center'],
    ['war room', 'swarming'],
    ['chat room', 'slack channel', 'teams channel'],
  ],
  zendesk: [
    ['ticket', 'request'],
    ['vip', 'executive', 'executives'],
    ['routing', 'assignment rules'],
  ],
  salesforce: [
    ['opp', 'opportunity'],
    ['sfdc', 'salesforce'],
    ['prospect', 'lead'],
    ['case', 'support ticket'],
  ],
  workday: [
    ['payslip', 'pay slip', 'pay stub', 'payroll statement'],
    ['expense report', 'reimbursement'],
    ['performance review', 'appraisal'],
    ['time off', 'absence', 'leave'],
  ],
  'google-docs': [['suggesting mode', 'track changes', 'suggest edits']],
  slack: [
    ['dm', 'direct message'],
    ['channel', 'conversation', 'chat room'],
    ['huddle', 'audio call'],
  ],
  teams: [
    ['chat', 'conversation'],
    ['chat room', 'channel'],
    ['call', 'meeting'],
    ['auto attendant', 'phone menu', 'ivr', 'interactive voice response', 'phone tree'],
    ['call queue', 'hunt group'],
    ['dial-in', 'audio conferencing', 'conference bridge'],
    ['phone system', 'teams phone', 'cloud pbx', 'pbx'],
    ['direct routing', 'sip trunk', 'sbc', 'session border controller'],
    ['e911', 'emergency calling'],
    ['live event', 'town hall', 'townhall'],
    ['federation', 'external access'],
    ['mtr', 'teams rooms', 'meeting room devices', 'conference room'],
    ['cqd', 'call quality dashboard'],
    ['left rail', 'app bar'],
    ['pin an app', 'pinned apps', 'app setup policy'],
    ['cmdlet', 'powershell'],
    ['walkie talkie', 'push to talk'],
    ['frontline workers', 'firstline workers'],
    ['shared channel', 'teams connect'],
    ['org-wide team', 'organization-wide team'],
    ['sfb', 'skype for business', 'lync'],
  ],
  sharepoint: [
    ['site', 'team site'],
    ['library', 'document library'],
    ['share', 'grant access'],
  ],
  onedrive: [['share', 'grant access']],
  okta: [
    ['app', 'application'],
    ['mfa', 'multifactor authentication'],
    ['audit log', 'audit trail', 'system log', 'activity log'],
    ['google account', 'sign in with google', 'social login', 'social identity provider'],
    ['facebook account', 'sign in with facebook', 'social login', 'social identity provider'],
    ['ip allowlist', 'network zone'],
    ['hris', 'hr system', 'hr as a source'],
    ['ad', 'active directory'],
    ['dynamic group', 'group rule'],
    ['webhook', 'event hook'],
    ['api token', 'ssws'],
    ['custom domain', 'vanity url', 'vanity domain'],
    ['managed device', 'device assurance'],
  ],
  powerbi: [
    ['pbi', 'power bi'],
    ['dashboard', 'report'],
    ['refresh', 'scheduled refresh'],
    ['dataset', 'semantic model'],
  ],
};

/** Lowercase words of a term, as the query side sees them ("Two-factor" → two, factor). */
export function termWords(term: string): string[] {
  return term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** One table of groups, looked up by the first word of each term. */
export interface SynonymTable {
  /** first word → [term words, group index] for every term beginning with that word */
  starts: Map<string, { words: string[]; group: number }[]>;
  groups: string[][][];
}

/** Builds the look-up table from groups (general first, then a tool's, then an organisation's). */
export function synonymTable(groups: Iterable<SynonymGroup>): SynonymTable {
  const table: SynonymTable = { starts: new Map(), groups: [] };
  for (const group of groups) {
    const terms = group.map(termWords).filter((words) => words.length > 0);
    if (terms.length < 2) continue;
    const index = table.groups.push(terms) - 1;
    for (const words of terms) {
      const first = words[0] as string;
      const list = table.starts.get(first) ?? [];
      list.push({ words, group: index });
      table.starts.set(first, list);
    }
  }
  return table;
}

/** A span of query words and the other terms that mean the same. */
export interface SynonymSpan {
  start: number;
  /** number of query words covered */
  length: number;
  alternatives: string[][];
}

/**
 * The longest synonym terms found in a sequence of query words, left to right, without overlap.
 * A word matches a term's word when equal, or equal after dropping a plural "s" on either side.
 */
export function findSynonyms(words: readonly string[], table: SynonymTable): SynonymSpan[] {
  const spans: SynonymSpan[] = [];
  let i = 0;
  while (i < words.length) {
    let best: { length: number; groups: Set<number> } | null = null;
    for (const { words: term, group } of table.starts.get(words[i] as string) ??
      table.starts.get(singular(words[i] as string)) ??
      []) {
      if (!term.every((word, k) => sameWord(word, words[i + k]))) continue;
      if (!best || term.length > best.length) best = { length: term.length, groups: new Set([group]) };
      else if (term.length === best.length) best.groups.add(group);
    }
    if (!best) {
      i++;
      continue;
    }
    const own = words.slice(i, i + best.length).join(' ');
    const alternatives = new Map<string, string[]>();
    for (const group of best.groups) {
      for (const term of table.groups[group] ?? []) {
        const key = term.join(' ');
        if (key !== own && !sameWord(key, own)) alternatives.set(key, term);
      }
    }
    spans.push({ start: i, length: best.length, alternatives: [...alternatives.values()] });
    i += best.length;
  }
  return spans;
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function sameWord(a: string, b: string | undefined): boolean {
  return b !== undefined && (a === b || singular(a) === singular(b));
}
