import { useState } from 'preact/hooks';
import { CapturedField } from '../../../shared';
import { background } from '../background-client';
import type { Strings } from '../i18n';

type PickField = CapturedField | 'replyBox';
const FIELDS: PickField[] = [...CapturedField.options, 'replyBox'];

/**
 * For supervisors: start "pick from page" for one field of this CRM. The picker itself runs on
 * the page (its panel tests and saves the rule); the sidebar only chooses the field.
 */
export function PickFromPage({ t }: { t: Strings }) {
  const [field, setField] = useState<PickField>('customerName');
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    const reply = await background.pickFromPage(field).catch((e: unknown) => ({ ok: false as const, message: String(e) }));
    if (!reply.ok) setError(reply.message);
  };
  return (
    <section class="card pick" aria-label={t.pick.title} data-testid="pick-from-page">
      <h2>{t.pick.title}</h2>
      <p class="muted">{t.pick.hint}</p>
      <div class="row">
        <select name="pick-field" aria-label={t.pick.title} value={field} onChange={(e) => setField(e.currentTarget.value as PickField)}>
          {FIELDS.map((name) => (
            <option key={name} value={name}>
              {t.pick.fields[name]}
            </option>
          ))}
        </select>
        <button type="button" class="small" data-action="pick" onClick={() => void start()}>
          {t.pick.start}
        </button>
      </div>
      {error && (
        <p class="warn" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
