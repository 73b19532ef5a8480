import { pinyin } from 'pinyin-pro';
import { useMemo, useState } from 'preact/hooks';
import type { Category, Locale } from '../../../shared';
import type { Catalogue } from '../../../shared';

/** Every name of a category and its pinyin (full and initials), lower-cased, for the filter. */
function searchKey(category: Category): string {
  const names = Object.values(category.names).join(' ');
  const zh = category.names['zh-Hans'];
  const py = (pattern: 'pinyin' | 'first') => pinyin(zh, { toneType: 'none', type: 'array', pattern, nonZh: 'removed' }).join('');
  return `${names} ${py('pinyin')} ${py('first')}`.toLowerCase();
}

/** The complaint's categories: roots and children as toggle buttons, filterable by name or pinyin. */
export function CategoryPicker(props: {
  categories: Category[];
  selected: string[];
  locale: Locale;
  t: Catalogue;
  onToggle: (id: string) => void;
}) {
  const { categories, selected, locale, t, onToggle } = props;
  const [filter, setFilter] = useState('');
  const keys = useMemo(() => new Map(categories.map((c) => [c.id, searchKey(c)])), [categories]);
  const q = filter.trim().toLowerCase();
  const bySort = (a: Category, b: Category) => a.sort - b.sort;
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
  const shown = q
    ? categories.filter((c) => keys.get(c.id)!.includes(q)).sort(bySort).map((c) => chip(c, c.parentId !== null))
    : categories
        .filter((c) => c.parentId === null)
        .sort(bySort)
        .flatMap((root) => [
          chip(root),
          ...(selected.includes(root.id) ? categories.filter((c) => c.parentId === root.id).sort(bySort).map((c) => chip(c, true)) : []),
        ]);
  return (
    <section class="card" aria-label={t.sidebar.categories}>
      <h2>{t.sidebar.categories}</h2>
      <input
        class="filter"
        type="search"
        aria-label={t.sidebar.categorySearch}
        placeholder={t.sidebar.categorySearch}
        value={filter}
        onInput={(e) => setFilter(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter picks the first match, so a category is three keystrokes away.
          if (e.key === 'Enter' && q) {
            const first = categories.find((c) => keys.get(c.id)!.includes(q));
            if (first) onToggle(first.id);
            setFilter('');
          }
        }}
      />
      <div class="chips" role="group" aria-label={t.sidebar.categories}>
        {shown}
      </div>
    </section>
  );
}
