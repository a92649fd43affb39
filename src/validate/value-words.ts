// Small helpers that turn a wrong value into words an editor recognises and,
// where the intent is clear, into the value they meant.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** @example describeValue(5) // 'the number 5' */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date without quotes';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

/**
 * The date an editor most likely meant, written as the schema wants it, or
 * undefined when the text is not recognisably a date (or not a real one).
 * UK order is assumed for "17/06/2014", as in Ofsted's documents.
 * @example suggestDate('17 June 2014', 'any') // '2014-06-17'
 * @example suggestDate('June 2014', 'any') // '2014-06'
 */
export function suggestDate(text: string, precision: 'day' | 'any'): string | undefined {
  const clean = text.trim().toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1').replace(/,/g, ' ').replace(/\s+/g, ' ');
  const month = (word: string) => MONTHS.findIndex((name) => name.startsWith(word.slice(0, 3)) && word.length >= 3) + 1;
  let parts: [number, number?, number?] | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(clean))) parts = [+match[1], +match[2], match[3] ? +match[3] : undefined];
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(clean))) parts = [+match[3], +match[2], +match[1]];
  else if ((match = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(clean)) && month(match[2])) parts = [+match[3], month(match[2]), +match[1]];
  else if ((match = /^([a-z]+) (\d{1,2}) (\d{4})$/.exec(clean)) && month(match[1])) parts = [+match[3], month(match[1]), +match[2]];
  else if ((match = /^([a-z]+) (\d{4})$/.exec(clean)) && month(match[1])) parts = [+match[2], month(match[1])];
  if (!parts) return undefined;
  const [year, monthNumber, day] = parts;
  if (precision === 'day' && day === undefined) return undefined;
  if (monthNumber === undefined || monthNumber < 1 || monthNumber > 12) return undefined;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (day === undefined) return `${year}-${pad(monthNumber)}`;
  const probe = new Date(Date.UTC(year, monthNumber - 1, day));
  if (probe.getUTCMonth() !== monthNumber - 1) return undefined;
  return `${year}-${pad(monthNumber)}-${pad(day)}`;
}

/** @example suggestSlug('2014 SIF Inspection') // '2014-sif-inspection' */
export function suggestSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/[-.]{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** How to turn what was written into a full https:// address. */
export function suggestUrl(text: string): string {
  if (/^http:\/\//i.test(text)) return `write "https://" instead of "http://": "${text.replace(/^http:/i, 'https:')}"`;
  if (/^(www\.|[a-z0-9-]+\.(gov|org|co|com|uk|net)\b)/i.test(text)) return `add "https://" in front: "https://${text}"`;
  return 'copy the whole address from the browser\'s address bar, starting "https://"';
}
