// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('gmail detector', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'inbox'],
    ['https://mail.google.com/mail/u/1/#label/Invoices', 'inbox'],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvZpkRBtlDhbJWDTbnKQQkp', 'message'],
    ['https://mail.google.com/mail/u/0/#label/Work/FMfcgzQXJGvZpkRBtlDhbJWDTbnKQQkp', 'message'],
    ['https://mail.google.com/mail/u/0/#search/invoice', 'search'],
    ['https://mail.google.com/mail/u/0/#settings/general', 'settings'],
    ['https://mail.google.com/mail/u/0/#inbox?compose=new', 'compose'],
    ['https://mail.google.com/chat/u/0/#chat/space/AAAA1234', 'chat'],
  ])('%s → %s', (url, area) => expectDetected(url, 'gmail', area));

  it.each([
    'https://mail.google.co/mail/u/0/',
    'https://mail.google.com.evil.example/mail/u/0/',
    'https://evil.example/#mail.google.com',
    'https://gmail.com.evil.example/',
    'https://mailgoogle.com/mail/',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the inbox', () => {
    const screen = readScreen('gmail', 'https://mail.google.com/mail/u/0/#inbox');
    expectScreen(screen, 'gmail', 'inbox');
    expect(screen.context.headings).toEqual(['Inbox']);
    expect(screen.context.keywords).toEqual(expect.arrayContaining(['Promotions', 'Search mail', 'Refresh']));
  });
});
