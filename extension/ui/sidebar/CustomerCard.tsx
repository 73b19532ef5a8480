import type { CustomerSnapshot } from '../../../shared';
import type { Catalogue } from '../../../shared';

/** Who the agent is talking to, as read from the CRM page. */
export function CustomerCard({ customer, t }: { customer: CustomerSnapshot | null; t: Catalogue }) {
  if (!customer) return <section class="card muted">{t.sidebar.noCustomer}</section>;
  return (
    <section class="card customer" aria-label={t.sidebar.customer}>
      <div class="customer-name" data-testid="customer-name">{customer.name}</div>
      <dl>
        <dt>{t.domain.fields.phone}</dt>
        <dd data-testid="customer-phone">{customer.phone}</dd>
        {customer.project && (
          <>
            <dt>{t.domain.fields.project}</dt>
            <dd>{customer.project}</dd>
          </>
        )}
        {customer.unit && (
          <>
            <dt>{t.domain.fields.unit}</dt>
            <dd>{customer.unit}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
