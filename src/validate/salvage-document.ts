import { z } from 'zod';
import { DocumentSchema, type SourceDocument } from '../schema/index.ts';
import type { ParsedSourceFile } from './parse-source-file.ts';

type ListField = 'judgements' | 'figures' | 'mentions' | 'corrections';

/**
 * Whatever of a document is valid on its own: each field that passes its
 * schema, and each list item that does (`undefined` in place of the others,
 * so indexes still match the file). Cross-checks run on this, so that one
 * typo does not hide every other mistake in the file.
 */
export type SalvagedDocument = Partial<Omit<SourceDocument, ListField>> & {
  [Field in ListField]: (SourceDocument[Field][number] | undefined)[];
};

/** A document file with its salvaged fields, as the cross-checks see it. */
export interface CheckedDocument {
  slug: string;
  file: ParsedSourceFile;
  data: SalvagedDocument;
}

/**
 * The document's fields without its cross-field rules (visit order,
 * publication after the visit). zod runs those only once every field is
 * valid, so they are checked in check-dates.ts instead, on salvaged data,
 * with the same wording (tests/editors/date-rules.test.ts keeps them in step).
 */
export const DocumentFieldsSchema = z.strictObject(DocumentSchema.shape);

/** @example salvageDocument({ title: 'T', figures: [bad, good] }).figures // [undefined, good] */
export function salvageDocument(data: unknown): SalvagedDocument {
  const record = isRecord(data) ? data : {};
  const salvaged: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(DocumentSchema.shape) as [string, z.ZodType][]) {
    const value = record[key];
    const element = listElement(fieldSchema);
    if (element) {
      salvaged[key] = Array.isArray(value) ? value.map((item) => parsed(element, item)) : [];
    } else {
      const result = parsed(fieldSchema, value);
      if (result !== undefined) salvaged[key] = result;
    }
  }
  return salvaged as SalvagedDocument;
}

function parsed(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

function listElement(schema: z.ZodType): z.ZodType | undefined {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current instanceof z.ZodArray ? (current.element as z.ZodType) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
