/**
 * Copies `text` so the agent can paste it where nothing could take it. The async clipboard is
 * tried first; it needs the page focused, which it is not while the agent clicks in the
 * sidebar, so a copy from a scratch textarea in a closed shadow root follows (allowed to an
 * extension with the `clipboardWrite` permission). The page never sees the scratch element.
 */
export async function copyToClipboard(doc: Document, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // fall through to the scratch copy
  }
  const host = doc.createElement('lingting-scratch');
  const shadow = host.attachShadow({ mode: 'closed' });
  const scratch = doc.createElement('textarea');
  scratch.value = text;
  shadow.append(scratch);
  doc.documentElement.append(host);
  try {
    scratch.select();
    return doc.execCommand('copy');
  } finally {
    host.remove();
  }
}
