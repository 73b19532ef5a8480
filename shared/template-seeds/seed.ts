import type { Mood } from '../case';
import type { Locale } from '../primitives';
import type { StepId, Tone } from '../steps';

/** One default prompt, worded in every product language. */
export interface Seed {
  /**
   * Fixed for good: the seed's template ids derive from it, and servers already hold rows by those
   * ids (seeding inserts only what is missing). Never renumber or reuse a number.
   */
  no: number;
  step: StepId;
  tone: Tone;
  shortcut: string | null;
  /** Empty or absent: fits every category. */
  categoryIds?: string[];
  /** Empty or absent: fits every mood. */
  moods?: Mood[];
  wording: Record<Locale, { title: string; body: string }>;
}

/**
 * A building defect and its parts. Category filters match ids exactly, so a prompt about the
 * building lists the parent and each part an agent may have ticked instead.
 */
export const BUILDING = ['housing_quality', 'foundation', 'main_structure', 'finishes', 'waterproofing', 'equipment'];
