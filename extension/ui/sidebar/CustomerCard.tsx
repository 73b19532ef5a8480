import type { CustomerSnapshot } from '../../../shared';
import type { Strings } from '../i18n';

/** Who the agent is talking to, as read from the CRM page. */
export function CustomerCard({ customer, t }: { customer: CustomerSnapshot | null; t: Strings }) {
  if (!customer) return <section class="card muted">{t.noCustomer}</section>;
  return (
    <section class="card customer" aria-label={t.customer}>
      <div class="customer-name" data-testid="customer-name">{customer.name}</div>
      <dl>
        <dt>{t.phone}</dt>
        <dd data-testid="customer-phone">{customer.phone}</dd>
        {customer.project && (
          <>
            <dt>{t.project}</dt>
            <dd>{customer.project}</dd>
          </>
        )}
        {customer.unit && (
          <>
            <dt>{t.unit}</dt>
            <dd>{customer.unit}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
