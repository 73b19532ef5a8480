import { describe, expect, it } from 'vitest';
import { admitMessage } from './router';

const own = { id: 'olajigdaoeoedjnogpakenpdpknookmp', pagesOrigin: 'chrome-extension://olajigdaoeoedjnogpakenpdpknookmp/' };
const sidebar = { extensionId: own.id, url: `${own.pagesOrigin}sidebar.html`, tabId: 7 };
const contentScript = { extensionId: own.id, url: 'https://crm.example.com/records/42', tabId: 7 };

describe('admitMessage', () => {
  it('lets extension pages send page messages, and content scripts content messages', () => {
    expect(admitMessage({ type: 'sync.now' }, sidebar, own)).toEqual({ from: 'page', message: { type: 'sync.now' } });
    expect(admitMessage({ type: 'page.site' }, contentScript, own)).toEqual({ from: 'content', message: { type: 'page.site' } });
  });

  it('refuses a page message from a content script, by name, without parsing it into a handler', () => {
    expect(admitMessage({ type: 'auth.signOut' }, contentScript, own)).toEqual({ from: 'content', refused: 'auth.signOut' });
    expect(admitMessage({ type: 'sidebar.context' }, contentScript, own)).toEqual({ from: 'content', refused: 'sidebar.context' });
  });

  it('does not let an extension page send what content scripts send', () => {
    // A page has no CRM page of its own to describe: a customer from it would be made up.
    expect(admitMessage({ type: 'page.customer', captured: { customerName: '王秀英' } }, sidebar, own)).toBeNull();
  });

  it('ignores other extensions, malformed messages, and look-alike origins', () => {
    expect(admitMessage({ type: 'sync.now' }, { ...sidebar, extensionId: 'another' }, own)).toBeNull();
    expect(admitMessage({ type: 'page.expand', shortcut: 'no-semicolon' }, contentScript, own)).toBeNull();
    expect(admitMessage({ type: 'nothing.here' }, sidebar, own)).toBeNull();
    const lookAlike = { ...contentScript, url: 'https://chrome-extension.example.com/olajigdaoeoedjnogpakenpdpknookmp/sidebar.html' };
    expect(admitMessage({ type: 'sync.now' }, lookAlike, own)).toEqual({ from: 'content', refused: 'sync.now' });
  });
});
