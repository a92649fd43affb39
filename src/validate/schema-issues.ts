import { z } from 'zod';
import { closestMatch } from './closest-match.ts';
import { formatFieldPath, type ContentProblem } from './content-problem.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';
import { describeValue, suggestDate, suggestSlug, suggestUrl } from './value-words.ts';
import { allowedKeysAt, descriptionAt, discriminatorValuesAt } from './schema-walk.ts';

/**
 * Validates a parsed file against a schema and words every failure for an
 * editor: where it is, which field, what is wrong and how to fix it. zod's
 * own words ("Too big: expected string to have <=40 characters") are never
 * shown; a schema's custom message (`error: '…'`) is kept.
 */
export function checkAgainstSchema<Schema extends z.ZodType>(
  file: ParsedSourceFile,
  schema: Schema,
  data: unknown = file.data,
): { value?: z.infer<Schema>; problems: ContentProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  // One message per field: a date that is not "YYYY-MM" is not also told it is not a real date.
  const seen = new Set<string>();
  const issues = result.error.issues.filter((issue) => {
    const key = issue.code === 'unrecognized_keys' ? `${formatFieldPath(issue.path)} ${issue.keys.join()}` : formatFieldPath(issue.path);
    return !seen.has(key) && Boolean(seen.add(key));
  });
  const described = issues.flatMap((issue) => describeIssue(issue, schema, data));
  const problems = withoutEchoes(described).map(({ path, message, fix, atKey }) => ({
    severity: 'error' as const,
    path: file.path,
    position: atKey ? file.locateKey(path) : file.locate(path),
    field: formatFieldPath(path),
    message,
    ...(fix ? { fix } : {}),
  }));
  return { problems };
}

interface Described {
  path: PropertyKey[];
  message: string;
  fix?: string;
  /** Point at the field's name rather than its value (unknown fields). */
  atKey?: boolean;
  /** For an unknown field: the field it probably means. */
  suggests?: string;
}

// "sumary" unknown and "summary" missing are one mistake: keep the first.
function withoutEchoes(described: Described[]): Described[] {
  const meant = new Set(
    described.filter((item) => item.suggests).map((item) => formatFieldPath([...item.path.slice(0, -1), item.suggests!])),
  );
  return described.filter((item) => !(item.message === 'is missing' && meant.has(formatFieldPath(item.path))));
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown): Described[] {
  const path = [...issue.path];
  const input = (issue as { input?: unknown }).input;
  const about = descriptionAt(schema, path, data);
  const custom = isCustomMessage(issue.message) ? lowerFirst(issue.message) : undefined;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, path, data);
      return issue.keys.map((key) => {
        const suggestion = closestMatch(key, allowed);
        return {
          path: [...path, key],
          atKey: true,
          message: `"${key}" is not a field here`,
          ...(suggestion ? { suggests: suggestion } : {}),
          fix: suggestion
            ? `did you mean "${suggestion}"?`
            : `remove it, or use one of the fields allowed here: ${allowed.join(', ')}`,
        };
      });
    }
    case 'invalid_type':
      return [describeWrongType(path, issue.expected, input, about, schema, data)];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (input === undefined) {
        return [{ path, message: 'is missing', fix: `add "${String(path.at(-1))}:" with ${allowed.length === 1 ? `the value ${allowed[0]}` : `one of: ${allowed.join(', ')}`}` }];
      }
      const suggestion = typeof input === 'string' ? closestMatch(input, allowed) : undefined;
      return [
        {
          path,
          message: `${JSON.stringify(input)} is not one of the values allowed here`,
          fix: suggestion ? `did you mean "${suggestion}"? (allowed: ${allowed.join(', ')})` : `use one of: ${allowed.join(', ')}`,
        },
      ];
    }
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      if (discriminator) {
        const at = path.at(-1) === discriminator ? path : [...path, discriminator];
        const allowed = discriminatorValuesAt(schema, at.slice(0, -1), data);
        const written = (input as Record<string, unknown> | undefined)?.[discriminator] ?? input;
        const suggestion = typeof written === 'string' ? closestMatch(written, allowed) : undefined;
        const missing = written === undefined || (typeof written === 'object' && written !== null);
        return [
          {
            path: at,
            message: missing ? `is missing: it says which kind of value this is` : `${JSON.stringify(written)} is not a kind allowed here`,
            fix: suggestion ? `did you mean "${suggestion}"? (allowed: ${allowed.join(', ')})` : `write ${discriminator}: one of ${allowed.join(', ')}`,
          },
        ];
      }
      return [{ path, message: 'does not match any of the forms allowed here', ...(about ? { fix: meaning(about) } : {}) }];
    }
    case 'too_small':
    case 'too_big':
      return [describeSize(issue, path, input, about, custom)];
    case 'invalid_format':
      return [describeFormat(issue.format, path, input, about, custom)];
    default: {
      const message = custom ?? lowerFirst(issue.message);
      if (message === 'is not a real calendar date') {
        return [{ path, message: `"${String(input)}" ${message}`, fix: 'check the month is 01 to 12, the day exists in that month, and the year is right' }];
      }
      return [{ path, message: typeof input === 'string' ? `"${input}": ${message}` : message, ...(about && !custom ? { fix: meaning(about) } : {}) }];
    }
  }
}

function describeWrongType(
  path: PropertyKey[],
  expected: string,
  input: unknown,
  about: string | undefined,
  schema: z.ZodType,
  data: unknown,
): Described {
  const name = String(path.at(-1) ?? 'the frontmatter');
  if (!path.length) {
    return input === undefined || input === null
      ? { path, message: 'the frontmatter is empty', fix: 'write the fields between the two "---" lines (npm run new writes a template)' }
      : { path, message: `the frontmatter must be "field: value" lines, not ${describeValue(input)}`, fix: 'see EDITING.md for the fields a document has' };
  }
  if (input === undefined) {
    return { path, message: 'is missing', fix: `add "${name}:"${about ? ` (${plain(about)})` : ''}` };
  }
  if (input === null) {
    return { path, message: 'is empty', fix: `write a value after "${name}:"${about ? ` (${plain(about)})` : ''}, or delete the line if the field is optional` };
  }
  if (input instanceof Date) {
    return {
      path,
      message: 'is a date without quotes, which YAML turns into a timestamp (and can silently shift)',
      fix: `write it in quotes, e.g. "${Number.isNaN(input.getTime()) ? '2017-06-13' : input.toISOString().slice(0, 10)}"`,
    };
  }
  if (expected === 'string') {
    return {
      path,
      message: `should be text, not ${describeValue(input)}`,
      ...(typeof input === 'number' || typeof input === 'boolean' ? { fix: `put it in quotes: "${String(input)}"` } : about ? { fix: meaning(about) } : {}),
    };
  }
  if (typeof input === 'number' && !Number.isFinite(input)) {
    return {
      path,
      message: Number.isNaN(input) ? 'is not a number (YAML reads .nan as "not a number")' : 'is infinite (YAML reads .inf as infinity)',
      fix: 'write the number as the source gives it, in digits, e.g. 514',
    };
  }
  if (expected === 'number' || expected === 'int') {
    const digits = typeof input === 'string' ? input.replace(/[,\s]/g, '') : '';
    const fix = digits && Number.isFinite(Number(digits))
      ? `write the number with digits only, no quotes or commas: ${Number(digits)}`
      : 'write a number, e.g. 514';
    return { path, message: `should be ${expected === 'int' ? 'a whole number' : 'a number'}, not ${describeValue(input)}`, fix };
  }
  if (expected === 'array') {
    return { path, message: `should be a list, not ${describeValue(input)}`, fix: 'write each item on its own line starting with "- ", or [] for none' };
  }
  if (expected === 'object') {
    const fields = allowedKeysAt(schema, path, data);
    return {
      path,
      message: `should be a group of fields, not ${describeValue(input)}`,
      fix: fields.length ? `write its fields on the lines below, indented two spaces: ${fields.join(', ')}` : about && meaning(about),
    };
  }
  if (expected === 'boolean') return { path, message: `should be true or false, not ${describeValue(input)}` };
  return { path, message: `should be ${expected}, not ${describeValue(input)}`, ...(about ? { fix: meaning(about) } : {}) };
}

function describeSize(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  path: PropertyKey[],
  input: unknown,
  about: string | undefined,
  custom: string | undefined,
): Described {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  if (typeof input === 'string') {
    if (!input.length) return { path, message: 'is empty', fix: custom ? `it ${custom}` : about ? `write ${plain(about)}` : 'write a value' };
    const counted = `it has ${input.length} characters`;
    if (custom) return { path, message: `${custom} (${counted})`, ...(small ? {} : { fix: 'shorten it' }) };
    return small
      ? { path, message: `is too short: ${counted}, at least ${limit} are needed`, ...(about ? { fix: meaning(about) } : {}) }
      : { path, message: `is too long: ${counted}, at most ${limit} are allowed`, fix: 'shorten it' };
  }
  if (Array.isArray(input)) {
    const count = `${input.length} item${input.length === 1 ? '' : 's'}`;
    return small
      ? { path, message: custom ?? `has ${count} but needs at least ${limit}`, ...(about ? { fix: meaning(about) } : {}) }
      : { path, message: custom ?? `has ${count} but can have at most ${limit}` };
  }
  return { path, message: custom ?? `is ${String(input)} but must be ${small ? 'at least' : 'at most'} ${limit}`, ...(about ? { fix: meaning(about) } : {}) };
}

function describeFormat(format: string, path: PropertyKey[], input: unknown, about: string | undefined, custom: string | undefined): Described {
  const text = String(input);
  if (format === 'url' || (format === 'regex' && custom?.includes('https://'))) {
    return { path, message: custom ?? 'must be a full https:// address', fix: suggestUrl(text) };
  }
  if (format === 'date') {
    const date = suggestDate(text, 'day');
    return { path, message: `"${text}" ${custom ?? 'must be a real date written "YYYY-MM-DD" in quotes'}`.replace(/,? e\.g\. .*$/, ''), fix: date ? `write "${date}"` : 'check the month is 01 to 12 and the day exists in that month' };
  }
  if (format === 'regex' && custom?.includes('lower-case')) {
    return { path, message: `"${text}" ${custom}`.replace(/,? e\.g\. .*$/, ''), fix: `write "${suggestSlug(text)}"` };
  }
  if (format === 'regex' && custom?.includes('YYYY')) {
    const date = suggestDate(text, 'any');
    return { path, message: `"${text}" ${custom}`.replace(/,? e\.g\. .*$/, ''), fix: date ? `write "${date}"` : 'e.g. "2014", "2014-06" or "2014-06-17", in quotes' };
  }
  return { path, message: custom ?? 'is not written in the expected form', ...(about ? { fix: meaning(about) } : {}) };
}

// zod's default messages start like this; anything else was written by us in
// the schema (`error: '…'`) and is worded for editors already.
function isCustomMessage(message: string): boolean {
  return !/^(Invalid|Too (big|small)|Unrecognized|Expected|Required)/.test(message);
}

/** A field's `.describe()` text as a hint: "(the unit, e.g. "days")". */
function meaning(about: string): string {
  return `what it holds: ${plain(about)}`;
}

/** A description inside a sentence: "The unit, e.g. "days"." → "the unit, e.g. "days"". */
function plain(about: string): string {
  return lowerFirst(about).replace(/\.$/, '');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
