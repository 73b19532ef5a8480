import { useEffect, useState } from 'preact/hooks';
import type { WordingFlag } from '../../../shared';
import type { Catalogue } from '../../../shared';
import { WordingFlags } from './WordingFlags';

/** A queued snippet: its text as rendered when queued, and where it came from. */
export interface TrayItem {
  key: string;
  templateId: string;
  text: string;
}

/**
 * Snippets queued to go into the reply together, at the caret, as one insertion. Wording that
 * breaks a rule is flagged here too: queueing must not be a way round the check before insertion.
 */
export function ComposeTray(props: {
  items: TrayItem[];
  /** Flags in `text`, the tray's items joined as they will be inserted. */
  flags: WordingFlag[];
  text: string;
  t: Catalogue;
  onRemove: (key: string) => void;
  onInsert: () => void;
  onClear: () => void;
}) {
  const { items, flags, t } = props;
  const [confirming, setConfirming] = useState(false);
  // What was confirmed is this text; any change to the tray asks again.
  useEffect(() => setConfirming(false), [props.text]);
  if (items.length === 0) return null;
  const insert = () => {
    if (flags.length && !confirming) return setConfirming(true);
    setConfirming(false);
    props.onInsert();
  };
  return (
    <section class="card tray" aria-label={t.sidebar.tray} data-testid="tray">
      <h2>
        {t.sidebar.tray} ({items.length})
      </h2>
      <ol>
        {items.map((item) => (
          <li key={item.key}>
            <span>{item.text}</span>
            <button type="button" class="link" aria-label={`${t.sidebar.removeFromTray} ${item.text.slice(0, 20)}`} onClick={() => props.onRemove(item.key)}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <WordingFlags flags={flags} text={props.text} t={t} />
      <div class="row">
        <button type="button" class="primary small" data-action="insert-tray" onClick={insert}>
          {confirming ? t.sidebar.insertAnyway : t.sidebar.insertTray}
        </button>
        <button type="button" class="small" onClick={props.onClear}>
          {t.sidebar.clearTray}
        </button>
      </div>
    </section>
  );
}
