import { useEffect, useState } from 'preact/hooks';
import { buildingOf, type Case, type CaseGroup, type Catalogue } from '../../../shared';
import { background } from '../background-client';

/**
 * A confirmed group complaint this caller's building (or project) belongs to: every owner gets
 * the same answer (群體利益), so the group's plan is shown and the case is linked with one click,
 * which takes the plan and runs the case on halved limits. Asked of the server when the
 * customer's project is known; nothing shows when it cannot be reached.
 */
export function GroupCard(props: { record: Case; t: Catalogue; onChange: (next: Case) => void }) {
  const { record } = props;
  const t = props.t.life.group;
  const project = record.customer.project;
  const building = buildingOf(record.customer);
  const [groups, setGroups] = useState<CaseGroup[]>([]);
  useEffect(() => {
    if (!project) return;
    let alive = true;
    void background
      .caseGroups(project, building)
      .then((reply) => alive && setGroups(reply.ok ? reply.groups : []))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [project, building]);

  const linked = groups.find((g) => g.id === record.groupId);
  // The groups of this caller's problem come first; with no category yet, every group of the building.
  const relevant = linked ? [linked] : groups.filter((g) => record.categoryIds.length === 0 || record.categoryIds.includes(g.categoryId));
  if (relevant.length === 0) return null;

  const link = (group: CaseGroup) =>
    props.onChange({
      ...record,
      groupId: group.id,
      categoryIds: record.categoryIds.includes(group.categoryId) ? record.categoryIds : [...record.categoryIds, group.categoryId],
      plan: record.plan.trim() ? record.plan : group.plan,
    });

  return (
    <section class="card group" aria-label={t.title} data-testid="group">
      <h2>{t.title}</h2>
      {relevant.map((group) => (
        <div key={group.id} data-group={group.id}>
          <p>{t.intro(group.caseIds.length)}</p>
          <blockquote class="read-back" data-testid="group-plan">
            {group.plan}
          </blockquote>
          {record.groupId === group.id ? (
            <p class="badge ok">{t.linked}</p>
          ) : (
            record.status !== 'closed' && (
              <button type="button" class="small" onClick={() => link(group)}>
                {t.link}
              </button>
            )
          )}
        </div>
      ))}
    </section>
  );
}
