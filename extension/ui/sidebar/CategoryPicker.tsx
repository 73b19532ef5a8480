import { useMemo, useState } from 'preact/hooks';
import type { Category, Locale } from '../../../shared';
import type { Catalogue } from '../../../shared';
import { loadPinyin, usePinyin, type ToPinyin } from '../pinyin';

/** Every name of a category and, once loaded, its pinyin (full and initials), lower-cased, for the filter. */
function searchKey(category: Category, toPinyin: ToPinyin | undefined): string {
  const names = Object.values(category.names).join(' ');
  const { full, initials } = toPinyin?.(category.names['zh-Hans']) ?? { full: '', initials: '' };
  return `${names} ${full} ${initials}`.toLowerCase();
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
  const { toPinyin, want: wantPinyin } = usePinyin();
  const keys = useMemo(() => new Map(categories.map((c) => [c.id, searchKey(c, toPinyin)])), [categories, toPinyin]);
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
        onFocus={wantPinyin}
        onInput={(e) => setFilter(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter picks the first match, so a category is three keystrokes away; typed before
          // pinyin arrived, it waits for pinyin rather than finding nothing.
          if (e.key === 'Enter' && q) {
            const pick = (matches: (category: Category) => boolean) => {
              const first = categories.find(matches);
              if (first) onToggle(first.id);
            };
            const byName = (c: Category) => keys.get(c.id)!.includes(q);
            if (toPinyin || categories.some(byName)) pick(byName);
            else void loadPinyin().then((loaded) => pick((c) => searchKey(c, loaded).includes(q)));
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
