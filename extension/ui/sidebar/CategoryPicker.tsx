import type { Category, Locale } from '../../../shared';
import type { Strings } from '../i18n';

/** The complaint's categories: the tree's roots and children as toggle buttons. */
export function CategoryPicker(props: {
  categories: Category[];
  selected: string[];
  locale: Locale;
  t: Strings;
  onToggle: (id: string) => void;
}) {
  const { categories, selected, locale, t, onToggle } = props;
  const roots = categories.filter((c) => c.parentId === null).sort((a, b) => a.sort - b.sort);
  const childrenOf = (id: string) => categories.filter((c) => c.parentId === id).sort((a, b) => a.sort - b.sort);
  const chip = (category: Category, child = false) => (
    <button
      type="button"
      key={category.id}
      class={child ? 'chip child' : 'chip'}
      aria-pressed={selected.includes(category.id)}
      data-category={category.id}
      onClick={() => onToggle(category.id)}
    >
      {category.names[locale]}
    </button>
  );
  return (
    <section class="card" aria-label={t.categories}>
      <h2>{t.categories}</h2>
      <div class="chips" role="group" aria-label={t.categories}>
        {roots.map((root) => [
          chip(root),
          ...(selected.includes(root.id) ? childrenOf(root.id).map((c) => chip(c, true)) : []),
        ])}
      </div>
    </section>
  );
}
