/** Background errors in plain, translated words: no message names, no library wording. */
import { describe, expect, it } from 'vitest';
import { plainError, stripPrefix } from '@/components/shared/plain-error';
import type { Translate } from '@/utils/i18n';

/** Shows the key and its substitutions, so that a test sees which message was chosen. */
const t: Translate = (key, subs) => (subs === undefined ? key : `${key}(${[subs].flat().join('|')})`);

describe('plainError', () => {
  it('drops the message name the sender puts in front', () => {
    expect(stripPrefix('detectSource: the thing')).toBe('the thing');
    expect(stripPrefix('Error: saveToolRules: the thing')).toBe('the thing');
    expect(plainError(new Error('saveSource: only one of these may be set'), t)).toBe(
      'Only one of these may be set',
    );
  });

  it('maps HTTP answers to what the admin should check', () => {
    const said = (status: number) =>
      plainError(new Error(`detectSource: the server answered ${status} for https://a.example/feed`), t);
    expect(said(401)).toBe('errAccess');
    expect(said(403)).toBe('errAccess');
    expect(said(404)).toBe('errNotFound');
    expect(said(429)).toBe('errBusy');
    expect(said(503)).toBe('errServer(503)');
    expect(said(418)).toBe('errStatus(418)');
    expect(plainError('previewSource: the server answered 404 Not Found for /x: check the address', t)).toBe(
      'errNotFound',
    );
  });

  it('maps network failures and timeouts', () => {
    expect(plainError(new TypeError('detectSource: Failed to fetch'), t)).toBe('errNetwork');
    expect(plainError('NetworkError when attempting to fetch resource.', t)).toBe('errNetwork');
    expect(plainError('previewSource: no answer from kb.example within 30 s', t)).toBe(
      'errTimeout(kb.example|30)',
    );
  });

  it('maps the library’s match-pattern wording to the pattern in plain words', () => {
    expect(plainError('saveToolRules: rule 1 (x): Invalid match pattern "jira": Incorrect format', t)).toBe(
      'errPattern(jira)',
    );
    expect(plainError('"<all_urls>" must start with http://, https:// or *:// and name a host', t)).toBe(
      'errPattern(<all_urls>)',
    );
    expect(plainError('"https://*/*" covers every site; name the tool\'s host', t)).toBe(
      'errPattern(https://*/*)',
    );
  });

  it('maps addresses that are not a source, sign-in pages and malformed requests', () => {
    expect(
      plainError(
        'detectSource: https://a.example/ is an HTML page with no feed link; paste the address of its RSS',
        t,
      ),
    ).toBe('errNotASource');
    expect(plainError('detectSource: https://a.example/ answered with a sign-in page "Log in": …', t)).toBe(
      'errSignIn',
    );
    expect(plainError('saveSettings: malformed payload', t)).toBe('errRejected');
    expect(plainError('getSettings: no answer', t)).toBe('errNoAnswer');
    expect(plainError('', t)).toBe('errUnknown');
  });
});
