import { cp } from 'node:fs/promises';
import { RECORD_DIRS } from '../../tests/fixtures/records.ts';
import { STRESS_TODAY, stressDocuments, writeStressRecord } from '../../tests/fixtures/stress-record.ts';

/**
 * The benchmark's synthetic corpus: the seeded stress record of the tests
 * (tests/fixtures/stress-record.ts), so the bench measures what the chart
 * tests check. It is the record to 2025 plus made-up documents of every
 * kind, dated 2009 to 2030: graded inspections under three frameworks (one
 * with no overall grade), visits, council reports with figures of every
 * value kind and statistic, statistics releases citing table cells, news
 * reports with mentions and date conflicts. The same seed writes the same
 * files, so runs compare.
 */

export const SYNTHETIC_CORPUS = 'the seeded stress record (tests/fixtures/stress-record.ts): the record to 2025 plus made-up documents of every kind dated 2009–2030';

export interface SyntheticContent {
  /** The made-up documents' slugs: each must get a page. */
  slugs: string[];
  /** "Today" for the build's future-date check: the record runs to 2030. */
  today: string;
}

/**
 * Writes the record to 2025 with `count` made-up documents into `outDir`;
 * 0 writes the record alone, the base that growth is measured from.
 */
export async function writeSyntheticContent(outDir: string, count: number): Promise<SyntheticContent> {
  if (count > 0) await writeStressRecord(outDir, { documents: count });
  else await cp(RECORD_DIRS['to-2025'], outDir, { recursive: true });
  return { slugs: count > 0 ? stressDocuments({ documents: count }).map((doc) => doc.slug) : [], today: STRESS_TODAY };
}
