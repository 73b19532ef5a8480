import { useState } from 'preact/hooks';
import { CapturedField, type Catalogue } from '../../../shared';
import { background } from '../background-client';

type PickField = CapturedField | 'replyBox';
const FIELDS: PickField[] = [...CapturedField.options, 'replyBox'];

/**
 * For supervisors: start "pick from page" for one field of this CRM. The picker itself runs on
 * the page (its panel tests and saves the rule); the sidebar only chooses the field.
 */
export function PickFromPage({ t }: { t: Catalogue }) {
  const [field, setField] = useState<PickField>('customerName');
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    const reply = await background.pickFromPage(field).catch(() => ({ ok: false as const, error: 'no_page' as const }));
    if (!reply.ok) setError(t.errors[reply.error]);
  };
  return (
    <section class="card pick" aria-label={t.sidebar.pick.title} data-testid="pick-from-page">
      <h2>{t.sidebar.pick.title}</h2>
      <p class="muted">{t.sidebar.pick.hint}</p>
      <div class="row">
        <select name="pick-field" aria-label={t.sidebar.pick.title} value={field} onChange={(e) => setField(e.currentTarget.value as PickField)}>
          {FIELDS.map((name) => (
            <option key={name} value={name}>
              {t.domain.fields[name]}
            </option>
          ))}
        </select>
        <button type="button" class="small" data-action="pick" onClick={() => void start()}>
          {t.sidebar.pick.start}
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
