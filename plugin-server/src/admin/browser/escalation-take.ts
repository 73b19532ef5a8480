import { busy } from './feedback';
import type { AdminPage } from './page';

/** A supervisor takes an escalation from the case's page (as from the notification's button); then reloads to show who has it. */
export function takeEscalation(button: HTMLButtonElement, { w, api }: AdminPage) {
  const item = button.closest<HTMLElement>('[data-escalation-id]');
  if (!item) return Promise.resolve();
  return busy(item, w, async () => {
    await api.acknowledgeEscalation(item.dataset.escalationId ?? '');
    location.reload();
  });
}
