/**
 * The background's errors in plain, translated words for the options page. The background writes
 * its reasons in English for logs and tests ("detectSource: the server answered 404 Not Found for
 * /feed: check the address"); an admin reads "Nothing was found at this address." Known reasons
 * are mapped to a message key; anything else is shown without the message name in front.
 */
import type { MessageKey, Translate } from '@/utils/i18n';

/** "detectSource: …", "saveToolRules: …": the protocol's message name the sender puts in front. */
const MESSAGE_PREFIX = /^[a-z]+(?:[A-Z][a-z]*)+: /;

/** A reason without the message name (and without the "Error: " a String(error) adds). */
export function stripPrefix(text: string): string {
  return text
    .replace(/^Error: /, '')
    .replace(MESSAGE_PREFIX, '')
    .trim();
}

type Rule = [RegExp, (match: RegExpMatchArray) => [MessageKey, string[]?]];

/** An HTTP status in words: access, address, or the server. */
function statusKey(status: number): [MessageKey, string[]?] {
  if (status === 401 || status === 403) return ['errAccess'];
  if (status === 404 || status === 410) return ['errNotFound'];
  if (status === 429) return ['errBusy'];
  if (status >= 500) return ['errServer', [String(status)]];
  return ['errStatus', [String(status)]];
}

const RULES: Rule[] = [
  [/^Failed to fetch|NetworkError|^Load failed|net::ERR_/i, () => ['errNetwork']],
  [/no answer from (\S+) within (\d+) s/, (m) => ['errTimeout', [m[1] ?? '', m[2] ?? '']]],
  [/answered (\d{3})\b/, (m) => statusKey(Number(m[1]))],
  [/redirects elsewhere|redirected to another host/, () => ['errRedirect']],
  [/larger than (\d+) MB/, (m) => ['errTooLarge', [m[1] ?? '']]],
  [/answered with a sign-in page/, () => ['errSignIn']],
  [/is Confluence Server or Data Center/, () => ['errConfluenceServer']],
  [
    /empty page|JSON that does not parse|not a document Signpost reads|none of a Signpost catalog|is an HTML page|answered with .*; paste the address|holds? no complete item|cannot read:/,
    () => ['errNotASource'],
  ],
  [/does not say where its api\.php is/, () => ['errApiPhp']],
  [
    /Invalid match pattern "([^"]*)"|"([^"]*)" must start with http|"([^"]*)" covers every site/,
    (m) => ['errPattern', [m[1] ?? m[2] ?? m[3] ?? '']],
  ],
  [/enter an address that starts with https?:\/\//, () => ['sourceUrlInvalid']],
  [/malformed payload/, () => ['errRejected']],
  [/^no answer$|Receiving end does not exist|message port closed/i, () => ['errNoAnswer']],
  [/cannot read "([^"]+)" sources/, (m) => ['errSourceType', [m[1] ?? '']]],
];

/** Why something failed, in plain words in the page's language. */
export function plainError(reason: unknown, t: Translate): string {
  const raw = reason instanceof Error ? reason.message : String(reason);
  const text = stripPrefix(raw);
  for (const [pattern, toKey] of RULES) {
    const match = text.match(pattern);
    if (match) {
      const [key, substitutions] = toKey(match);
      return t(key, substitutions);
    }
  }
  // The background's own words are written for an admin; without the prefix they read as a sentence.
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : t('errUnknown');
}
