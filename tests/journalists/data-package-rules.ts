import { csvParseRows } from 'd3';
import { createHash } from 'node:crypto';

/**
 * Structural checks of a Frictionless Data Package v2 descriptor and its
 * tabular CSV resources, written from the standard (we do not depend on a
 * validator package). Each check returns the problems it found, as sentences.
 * @see https://datapackage.org/standard/data-package/
 * @see https://datapackage.org/standard/data-resource/
 * @see https://datapackage.org/standard/table-schema/
 */

const PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
const RESOURCE_PROFILE = 'https://datapackage.org/profiles/2.0/dataresource.json';
const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';
const NAME = /^[a-z0-9._-]+$/;
const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'list', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'];
const TRUE_VALUES = ['true', 'True', 'TRUE', '1'];
const FALSE_VALUES = ['false', 'False', 'FALSE', '0'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A path the standard allows: a URL, or a relative POSIX path that cannot escape the package. */
export function isSafePath(path: string): boolean {
  if (/^https?:\/\//.test(path)) return true;
  return !path.startsWith('/') && !path.includes('\\') && !path.split('/').includes('..') && !/^[a-z]+:/i.test(path);
}

/** Problems with the descriptor itself: required and typed properties. */
export function descriptorProblems(descriptor: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(descriptor)) return ['the descriptor is not a JSON object'];
  if (descriptor.$schema !== PACKAGE_PROFILE) problems.push(`$schema is ${JSON.stringify(descriptor.$schema)}, not the v2 profile`);
  if (descriptor.name !== undefined && !(isString(descriptor.name) && NAME.test(descriptor.name))) problems.push('name must be lower-case letters, digits, ".", "-" and "_"');
  for (const key of ['title', 'description', 'version', 'homepage', 'id'] as const) {
    if (descriptor[key] !== undefined && !isString(descriptor[key])) problems.push(`${key} must be a non-empty string`);
  }
  for (const key of ['licenses', 'sources', 'contributors'] as const) {
    const list = descriptor[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) problems.push(`${key} must be a non-empty array`);
    else if (!list.every(isObject)) problems.push(`every item of ${key} must be an object`);
  }
  for (const [index, licence] of ((descriptor.licenses ?? []) as Json[]).entries()) {
    if (!isString(licence.name) && !isString(licence.path)) problems.push(`licenses[${index}] needs a name or a path`);
  }
  for (const [index, source] of ((descriptor.sources ?? []) as Json[]).entries()) {
    if (!isString(source.title)) problems.push(`sources[${index}] needs a title`);
    if (source.path !== undefined && !(isString(source.path) && isSafePath(source.path))) problems.push(`sources[${index}].path is not a URL or a safe relative path`);
  }
  if (!Array.isArray(descriptor.resources) || descriptor.resources.length === 0) {
    problems.push('resources must be a non-empty array');
    return problems;
  }
  const names = new Set<string>();
  for (const [index, resource] of (descriptor.resources as unknown[]).entries()) {
    const where = `resources[${index}]`;
    if (!isObject(resource)) {
      problems.push(`${where} is not an object`);
      continue;
    }
    if (!(isString(resource.name) && NAME.test(resource.name))) problems.push(`${where}.name is missing or not a valid name`);
    else if (names.has(resource.name)) problems.push(`${where}.name "${resource.name}" is not unique`);
    else names.add(resource.name);
    if ((resource.path === undefined) === (resource.data === undefined)) problems.push(`${where} needs exactly one of path and data`);
    if (resource.path !== undefined && !(isString(resource.path) && isSafePath(resource.path))) problems.push(`${where}.path is not a URL or a safe relative path`);
    if (resource.$schema !== undefined && resource.$schema !== RESOURCE_PROFILE) problems.push(`${where}.$schema is not the v2 resource profile`);
    if (resource.type === 'table') problems.push(...tableSchemaProblems(resource.schema).map((problem) => `${where}.schema: ${problem}`));
  }
  return problems;
}

function tableSchemaProblems(schema: unknown): string[] {
  if (!isObject(schema)) return ['a table resource needs a schema object'];
  const problems: string[] = [];
  if (schema.$schema !== undefined && schema.$schema !== TABLE_SCHEMA_PROFILE) problems.push('$schema is not the v2 Table Schema profile');
  if (!Array.isArray(schema.fields) || schema.fields.length === 0) return [...problems, 'fields must be a non-empty array'];
  const names = new Set<string>();
  for (const [index, field] of (schema.fields as unknown[]).entries()) {
    if (!isObject(field) || !isString(field.name)) {
      problems.push(`fields[${index}] needs a name`);
      continue;
    }
    if (names.has(field.name)) problems.push(`field "${field.name}" is not unique`);
    names.add(field.name);
    if (field.type !== undefined && !FIELD_TYPES.includes(String(field.type))) problems.push(`field "${field.name}" has unknown type ${JSON.stringify(field.type)}`);
    if (field.description !== undefined && !isString(field.description)) problems.push(`field "${field.name}" has an empty description`);
  }
  if (schema.primaryKey !== undefined) {
    const key = Array.isArray(schema.primaryKey) ? schema.primaryKey : [schema.primaryKey];
    for (const name of key) if (!names.has(String(name))) problems.push(`primaryKey names "${name}", which is not a field`);
  }
  if (schema.missingValues !== undefined && !(Array.isArray(schema.missingValues) && schema.missingValues.every((value) => typeof value === 'string'))) {
    problems.push('missingValues must be an array of strings');
  }
  return problems;
}

interface Field {
  name: string;
  type?: string;
  constraints?: { required?: boolean; enum?: string[] };
}

/** Whether a CSV cell is a value of a Table Schema type in its default format. */
export function parsesAs(type: string, cell: string): boolean {
  switch (type) {
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(NaN|INF|-INF)$/.test(cell);
    case 'integer':
      return /^[+-]?\d+$/.test(cell);
    case 'boolean':
      return TRUE_VALUES.includes(cell) || FALSE_VALUES.includes(cell);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(cell) && !Number.isNaN(Date.parse(cell));
    case 'year':
      return /^\d{4}$/.test(cell);
    default:
      return true;
  }
}

/**
 * Problems with one tabular resource against its file: size and hash, the
 * header against the fields (fieldsMatch "exact", the default), and every
 * cell against its field's type and constraints.
 */
export function resourceFileProblems(resource: Json, bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const name = String(resource.name);
  if (resource.bytes !== undefined && resource.bytes !== bytes.length) problems.push(`${name}: bytes says ${resource.bytes}, the file has ${bytes.length}`);
  if (typeof resource.hash === 'string') {
    const [algorithm, expected] = resource.hash.includes(':') ? resource.hash.split(':') : ['md5', resource.hash];
    const actual = createHash(algorithm).update(bytes).digest('hex');
    if (actual !== expected) problems.push(`${name}: hash does not match the file`);
  }
  const schema = resource.schema as { fields: Field[]; missingValues?: string[]; primaryKey?: string[] };
  const rows = csvParseRows(new TextDecoder().decode(bytes).replace(/\r\n$/, ''));
  const [header, ...records] = rows;
  const fieldNames = schema.fields.map((field) => field.name);
  if (JSON.stringify(header) !== JSON.stringify(fieldNames)) problems.push(`${name}: the CSV header ${JSON.stringify(header)} is not the schema's fields ${JSON.stringify(fieldNames)}`);
  const missing = new Set(schema.missingValues ?? ['']);
  const keys = new Set<string>();
  for (const [rowIndex, record] of records.entries()) {
    const where = `${name} row ${rowIndex + 2}`;
    if (record.length !== fieldNames.length) {
      problems.push(`${where}: ${record.length} cells for ${fieldNames.length} fields`);
      continue;
    }
    for (const [column, field] of schema.fields.entries()) {
      const cell = record[column];
      if (missing.has(cell)) {
        if (field.constraints?.required) problems.push(`${where}: ${field.name} is required but empty`);
        continue;
      }
      if (!parsesAs(field.type ?? 'string', cell)) problems.push(`${where}: ${field.name} "${cell}" is not a ${field.type}`);
      if (field.constraints?.enum && !field.constraints.enum.includes(cell)) problems.push(`${where}: ${field.name} "${cell}" is not one of ${field.constraints.enum.join(', ')}`);
    }
    if (schema.primaryKey) {
      const key = schema.primaryKey.map((keyName) => record[fieldNames.indexOf(keyName)]).join('\u0000');
      if (keys.has(key)) problems.push(`${where}: primary key ${JSON.stringify(key)} repeats`);
      keys.add(key);
    }
  }
  return problems;
}
