import { z } from 'zod';

/**
 * A date at the precision a source gives it: "2014" (year), "2014-06" (month)
 * or "2014-06-17" (day). Sources often say only "in June 2014" or "in 2009";
 * we record exactly that and never pad it out to a day.
 */
export const PartialDateSchema = z
  .string({ error: 'must be a date in quotes, e.g. "2014", "2014-06" or "2014-06-17"' })
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, {
    error: 'must be written "YYYY", "YYYY-MM" or "YYYY-MM-DD", e.g. "2014-06"',
  })
  .refine(isRealPartialDate, { error: 'is not a real calendar date' })
  .describe('A date at the precision the source gives: "YYYY", "YYYY-MM" or "YYYY-MM-DD".');

/** A full calendar date, "YYYY-MM-DD", that exists (2024-02-30 does not). */
export const DaySchema = z.iso
  .date({ error: 'must be a real date written "YYYY-MM-DD" in quotes, e.g. "2017-06-13"' })
  .describe('A calendar date, "YYYY-MM-DD".');

export type PartialDate = z.infer<typeof PartialDateSchema>;
export const DatePrecisionSchema = z
  .enum(['year', 'month', 'day'])
  .describe('How precisely the source dates it: year, month or day.');
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** @example datePrecision("2014-06") // "month" */
export function datePrecision(date: PartialDate): DatePrecision {
  if (date.length === 4) return 'year';
  if (date.length === 7) return 'month';
  return 'day';
}

function isRealPartialDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (month === undefined) return year >= 1900;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
