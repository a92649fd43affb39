import type { ErrorCode } from 'yaml';

/** A YAML syntax error worded for an editor. */
export interface YamlErrorWords {
  message: string;
  fix: string;
}

const QUOTE_IT =
  'put the value in double quotes, e.g. title: "Inspection: Manchester" (a value containing ": " or starting with - [ { & * ! | > % @ ` must be quoted)';

/**
 * The `yaml` library's messages ("Nested mappings are not allowed in compact
 * mappings") describe the parser, not the mistake. Each code is mapped to the
 * mistake editors actually make when it appears.
 * @example describeYamlError('TAB_AS_INDENT', '…', 'event:\n\tid: x', 7).message // 'is indented with a tab'
 */
export function describeYamlError(code: ErrorCode, original: string, text: string, offset: number): YamlErrorWords {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*([^:\n]+):/.exec(text.slice(offset))?.[1]?.trim();
      return {
        message: key ? `the field "${key}" is written twice in the same group` : 'a field is written twice in the same group',
        fix: 'keep one of them and delete the other',
      };
    }
    case 'TAB_AS_INDENT':
      return { message: 'is indented with a tab', fix: 'indent with spaces only, two per level' };
    case 'BAD_INDENT':
      if (/Flow (map|sequence)/.test(original)) {
        const [open, close] = original.includes('map') ? ['{', '}'] : ['[', ']'];
        return {
          message: `a group opened with "${open}" on an earlier line is not closed`,
          fix: `add the closing "${close}" at the end of the line that opens it`,
        };
      }
      return {
        message: 'is indented differently from the fields around it',
        fix: 'line it up, with spaces, under the other fields of the same group',
      };
    case 'MISSING_CHAR':
      if (original.includes('quote')) {
        return {
          message: 'a quoted value is not closed',
          fix: 'add the closing quote; inside "double quotes" write a double quote as \\", or use \'single quotes\' around a value that contains "',
        };
      }
      if (original.includes('Sequence item')) {
        return { message: 'a list item is missing its "- "', fix: 'start every item of a list with "- " at the same indentation' };
      }
      return { message: `is not valid YAML (${firstLine(original)})`, fix: 'check the brackets and quotes on this line and the one before' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        message: 'cannot be read: a value contains ": " without quotes, or this line is indented further than the one above',
        fix: 'put the whole value in double quotes, e.g. title: "Inspection: Manchester"; line fields up under the ones above',
      };
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        message: 'cannot be read: a field needs a space after its ":", or the line above is not finished',
        fix: 'write "field: value" with a space after the colon, and close any quote or bracket opened above',
      };
    case 'BAD_SCALAR_START':
      return { message: 'a value starts with a character YAML reserves', fix: QUOTE_IT };
    case 'UNEXPECTED_TOKEN':
      return {
        message: 'has text after a closing quote',
        fix: 'put the whole value inside the quotes, e.g. grade: "Adequate overall"',
      };
    case 'BAD_DQ_ESCAPE':
      return {
        message: 'has a backslash that is not a valid escape inside double quotes',
        fix: "write \\\\ for a backslash, or use 'single quotes' around the value",
      };
    case 'RESOURCE_EXHAUSTION':
      return { message: 'is nested too deeply to read', fix: 'write the fields out plainly, without deep [ ] or { } nesting' };
    default:
      return { message: `is not valid YAML (${firstLine(original)})`, fix: 'check the quotes and indentation on this line' };
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
