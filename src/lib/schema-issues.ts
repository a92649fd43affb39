import { z } from 'zod';
import { closestMatch } from './closest-match.ts';
import { formatFieldPath, type ContentProblem } from './content-problem.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';

/**
 * Validates a parsed file against a schema and words every failure for an
 * editor: where it is, which field, what is wrong and how to fix it.
 */
export function checkAgainstSchema<Schema extends z.ZodType>(
  file: ParsedSourceFile,
  schema: Schema,
  data: unknown = file.data,
  basePath: readonly PropertyKey[] = [],
): { value?: z.infer<Schema>; problems: ContentProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) =>
    describeIssue(issue, schema, data).map(({ path, message, fix }) => {
      const fullPath = [...basePath, ...path];
      return {
        severity: 'error' as const,
        path: file.path,
        position: file.locate(fullPath),
        field: formatFieldPath(fullPath),
        message,
        fix,
      };
    }),
  );
  return { problems };
}

interface Described {
  path: PropertyKey[];
  message: string;
  fix?: string;
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown): Described[] {
  const path = [...issue.path];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeysAt(schema, path, data);
      return issue.keys.map((key) => {
        const suggestion = closestMatch(key, allowed);
        return {
          path: [...path, key],
          message: `"${key}" is not a field here`,
          fix: suggestion
            ? `did you mean "${suggestion}"?`
            : `remove it; the fields allowed here are: ${allowed.join(', ')}`,
        };
      });
    }
    case 'invalid_type': {
      if (input === undefined) {
        return [{ path, message: 'is required but missing', fix: `add "${String(path.at(-1))}:" with a value` }];
      }
      if (input instanceof Date) {
        return [
          {
            path,
            message: 'is a date without quotes, which YAML turns into a timestamp (and can silently shift)',
            fix: `write it in quotes, e.g. "${input.toISOString().slice(0, 10)}"`,
          },
        ];
      }
      return [{ path, message: `should be ${article(issue.expected)}, not ${describeValue(input)}` }];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof input === 'string' ? closestMatch(input, allowed) : undefined;
      return [
        {
          path,
          message: `${JSON.stringify(input)} is not allowed here`,
          fix: suggestion
            ? `did you mean "${suggestion}"? (allowed: ${allowed.join(', ')})`
            : `use one of: ${allowed.join(', ')}`,
        },
      ];
    }
    case 'invalid_union': {
      const discriminator = (issue as { note?: string }).note?.includes('discriminator');
      if (discriminator) {
        return [{ path: [...path, 'kind'], message: 'is missing or not one of the kinds allowed here', fix: 'use kind: number, range, qualitative or derived' }];
      }
      return [{ path, message: issue.message }];
    }
    default:
      return [{ path, message: lowerFirst(issue.message) }];
  }
}

// The keys an object schema allows at a path, so an unknown key can be
// answered with "did you mean".
function objectKeysAt(schema: z.ZodType, path: PropertyKey[], data: unknown): string[] {
  let current: z.ZodType | undefined = schema;
  let value: unknown = data;
  for (const key of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = current.shape[String(key)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  current = unwrap(current);
  if (current instanceof z.ZodDiscriminatedUnion) {
    const kind = (value as { kind?: unknown } | undefined)?.kind;
    const option = (current.options as z.ZodType[]).find(
      (candidate) => candidate instanceof z.ZodObject && (candidate.shape.kind as z.ZodLiteral)?.value === kind,
    );
    current = option;
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPipe) {
    current = current instanceof z.ZodPipe ? (current.in as z.ZodType) : (current.unwrap() as z.ZodType);
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list (lines starting with "- ")',
    object: 'a group of indented fields',
  };
  return words[expected] ?? expected;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
