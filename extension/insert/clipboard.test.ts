// @vitest-environment happy-dom
// The clipboard fallback. happy-dom's async clipboard works; its document has no
// `execCommand('copy')`, so the scratch-copy path is given one that records what is selected
// when it runs, as the browser would copy it. That a real copy lands on the system clipboard is
// pinned in Chromium by test/e2e/crm-hostile.test.ts (strict-CSP page).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { copyToClipboard } from './clipboard';

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'execCommand');
});

/** The tags of elements attached to <html> from now on, as a page script could observe them. */
function watchPage(): () => string[] {
  const added: string[] = [];
  const collect = (records: MutationRecord[]) => {
    for (const record of records) for (const node of record.addedNodes) added.push((node as Element).localName);
  };
  const observer = new MutationObserver(collect);
  observer.observe(document.documentElement, { childList: true });
  return () => (collect(observer.takeRecords()), added);
}

test('copies through the async clipboard when the page lets it, adding nothing to the page', async () => {
  const added = watchPage();
  expect(await copyToClipboard(document, '请稍候，我们马上回电。')).toBe(true);
  expect(await navigator.clipboard.readText()).toBe('请稍候，我们马上回电。');
  expect(added()).toEqual([]);
});

describe('when the async clipboard refuses (the page is not focused while the agent is in the sidebar)', () => {
  /** What `copy` saw each time it ran: the text selected in the scratch field, and where that field was. */
  let copies: { selected: string; inClosedRootOnHtml: boolean }[];
  let scratch: HTMLTextAreaElement | undefined;

  beforeEach(() => {
    copies = [];
    scratch = undefined;
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    // The scratch field sits in a closed shadow root, out of reach once attached: caught as made.
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation((tag: string, options?: ElementCreationOptions) => {
      const element = create(tag, options);
      if (tag === 'textarea') scratch = element as HTMLTextAreaElement;
      return element;
    });
  });

  const copyBy = (result: () => boolean) =>
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string) => {
        expect(command).toBe('copy');
        const root = scratch?.getRootNode();
        const host = root instanceof ShadowRoot ? root.host : null;
        copies.push({
          selected: scratch ? scratch.value.slice(scratch.selectionStart, scratch.selectionEnd) : '',
          inClosedRootOnHtml: host?.parentElement === document.documentElement && host.shadowRoot === null,
        });
        return result();
      },
    });

  test('copies the text from a scratch field in a closed shadow root on <html>, then removes it', async () => {
    copyBy(() => true);
    const added = watchPage();
    expect(await copyToClipboard(document, '已为您登记。')).toBe(true);
    expect(copies).toEqual([{ selected: '已为您登记。', inClosedRootOnHtml: true }]);
    // The page saw a host element come and go, never the text.
    expect(added()).toEqual(['lingting-scratch']);
    expect(document.documentElement.querySelector('lingting-scratch')).toBeNull();
  });

  test('says so when the copy is refused too, and leaves nothing behind', async () => {
    copyBy(() => false);
    expect(await copyToClipboard(document, '已为您登记。')).toBe(false);
    expect(document.documentElement.querySelector('lingting-scratch')).toBeNull();
  });

  test('removes the scratch element even when the copy throws', async () => {
    copyBy(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    await expect(copyToClipboard(document, '已为您登记。')).rejects.toThrow('denied');
    expect(document.documentElement.querySelector('lingting-scratch')).toBeNull();
  });
});
