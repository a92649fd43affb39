import { z } from 'zod';

/**
 * Finds the schema that governs a field path in some data, so that a message
 * can quote the field's own `.describe()` text and list the fields or kinds
 * allowed there. Unions are resolved by the data's discriminator.
 */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  let value: unknown = data;
  for (const key of path) {
    current = resolve(current, value);
    if (current instanceof z.ZodObject) current = current.shape[String(key)] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return undefined;
    value = isRecord(value) ? value[key as string] : undefined;
  }
  return current;
}

/** The `.describe()` text of the field at a path, if it has one. */
export function descriptionAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string | undefined {
  let current = schemaAt(schema, path, data);
  // A description can sit on any wrapper (`.optional().describe()` or
  // `.describe().optional()`), so look through them all.
  while (current) {
    if (current.description) return current.description;
    const inner = unwrapOnce(current);
    if (inner === current) return undefined;
    current = inner;
  }
  return undefined;
}

/** The field names an object allows at a path ([] when it is not an object). */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  const current = resolve(schemaAt(schema, path, data), valueAt(data, path));
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** The values a discriminated union's `kind` may take at a path. */
export function discriminatorValuesAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  const current = unwrap(schemaAt(schema, path, data));
  if (!(current instanceof z.ZodDiscriminatedUnion)) return [];
  const key = current.def.discriminator;
  return (current.options as z.ZodType[]).flatMap((option) => {
    const literal = option instanceof z.ZodObject ? option.shape[key] : undefined;
    return literal instanceof z.ZodLiteral ? [...literal.values].map(String) : [];
  });
}

function resolve(schema: z.ZodType | undefined, value: unknown): z.ZodType | undefined {
  const current = unwrap(schema);
  if (!(current instanceof z.ZodDiscriminatedUnion)) return current;
  const key = current.def.discriminator;
  const wanted = isRecord(value) ? value[key] : undefined;
  return (current.options as z.ZodType[]).find(
    (option) => option instanceof z.ZodObject && option.shape[key] instanceof z.ZodLiteral && (option.shape[key] as z.ZodLiteral).values.has(wanted as never),
  );
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current) {
    const inner = unwrapOnce(current);
    if (inner === current) return current;
    current = inner;
  }
  return current;
}

function unwrapOnce(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) return schema.unwrap() as z.ZodType;
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType;
  return schema;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (isRecord(value) ? value[key as string] : undefined), data);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
