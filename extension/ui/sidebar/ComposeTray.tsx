import type { Strings } from '../i18n';

/** A queued snippet: its text as rendered when queued, and where it came from. */
export interface TrayItem {
  key: string;
  templateId: string;
  text: string;
}

/** Snippets queued to go into the reply together, at the caret, as one insertion. */
export function ComposeTray(props: { items: TrayItem[]; t: Strings; onRemove: (key: string) => void; onInsert: () => void; onClear: () => void }) {
  const { items, t } = props;
  if (items.length === 0) return null;
  return (
    <section class="card tray" aria-label={t.tray} data-testid="tray">
      <h2>
        {t.tray} ({items.length})
      </h2>
      <ol>
        {items.map((item) => (
          <li key={item.key}>
            <span>{item.text}</span>
            <button type="button" class="link" aria-label={`${t.clearTray} ${item.text.slice(0, 20)}`} onClick={() => props.onRemove(item.key)}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div class="row">
        <button type="button" class="primary small" data-action="insert-tray" onClick={props.onInsert}>
          {t.insertTray}
        </button>
        <button type="button" class="small" onClick={props.onClear}>
          {t.clearTray}
        </button>
      </div>
    </section>
  );
}
