import { useState } from 'preact/hooks';
import { type Catalogue, type DuePhrase, parseDuePhrase, type WorkCalendar } from '../../../shared';

/** A due phrase being typed ("3个工作日内", "周五12:00前", a date) and its reading on the server's calendar; null while blank. */
export function useDuePhrase(calendar: WorkCalendar) {
  const [text, setText] = useState('');
  const due: DuePhrase | null = text.trim() ? parseDuePhrase(calendar, new Date(), text) : null;
  return { text, setText, due, clear: () => setText('') };
}

/** The due phrase's field: marked invalid while it cannot be read, and described by its reading. */
export function DueField(props: {
  name: string;
  label: string;
  phrase: ReturnType<typeof useDuePhrase>;
  readingId: string;
  t: Catalogue;
  onEnter?: () => void;
}) {
  const { phrase } = props;
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        name={props.name}
        value={phrase.text}
        maxLength={100}
        placeholder={props.t.life.promises.duePlaceholder}
        aria-describedby={props.readingId}
        aria-invalid={phrase.due !== null && !phrase.due.ok}
        onInput={(e) => phrase.setText(e.currentTarget.value)}
        onKeyDown={(e) => props.onEnter && e.key === 'Enter' && !e.isComposing && props.onEnter()}
      />
    </label>
  );
}

/** What the phrase means, as the agent types it: the date it falls on, or that it cannot be read. */
export function DueReading(props: { id: string; testId: string; due: DuePhrase | null; when: (at: Date) => string; t: Catalogue }) {
  const { due } = props;
  const t = props.t.life.promises;
  return (
    <p id={props.id} class={due && !due.ok ? 'needs' : 'muted'} data-testid={props.testId} aria-live="polite">
      {due ? (due.ok ? t.dueOn(props.when(due.dueAt)) : t.dueUnclear) : ''}
    </p>
  );
}
