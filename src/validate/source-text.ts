import type { FileProblem } from './parse-source-file.ts';

/**
 * Content files are small: the longest real document is about 60 kB. A file
 * over 1 MB is a mistake (a pasted PDF, a runaway export) and is refused
 * before it is read.
 */
export const MAX_SOURCE_BYTES = 1_000_000;

/** The file-size problem, or nothing when the size is fine. */
export function checkSourceSize(bytes: number): FileProblem | undefined {
  if (bytes <= MAX_SOURCE_BYTES) return undefined;
  return {
    message: `is ${(bytes / 1_000_000).toFixed(1)} MB, over the 1 MB limit for a content file`,
    fix: 'keep only our summary and short verbatim quotes; link to the original with sourceUrl instead of pasting it',
    position: { line: 1, column: 1 },
  };
}

/**
 * Decodes a content file as UTF-8, refusing anything else rather than
 * silently turning "Ofsted’s" into "Ofsted�s". A leading byte-order mark
 * is dropped: some Windows editors add one.
 * @example decodeSourceText(new TextEncoder().encode('---\n')) // { text: '---\n' }
 */
export function decodeSourceText(bytes: Uint8Array): { text: string } | { problem: FileProblem } {
  const start = { line: 1, column: 1 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { message: 'is saved as UTF-16, not UTF-8', fix: 'save the file with the encoding "UTF-8"', position: start } };
  }
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(withoutBom);
  } catch {
    const offset = firstInvalidByte(withoutBom);
    return {
      problem: {
        message: 'is not UTF-8 text from here on (the file was probably saved as Windows-1252 or Latin-1)',
        fix: 'save the file with the encoding "UTF-8" and check that curly quotes and accents look right',
        position: positionOfByte(withoutBom, offset),
      },
    };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return {
      problem: {
        message: 'contains NUL characters, so it is not a text file',
        fix: 'make sure this is the markdown file and not a PDF or Word document renamed to .md',
        position: positionOfChar(text, nul),
      },
    };
  }
  const loneReturn = firstLoneCarriageReturn(text);
  if (loneReturn >= 0) {
    return {
      problem: {
        message: 'ends a line with a lone carriage return (CR), as old Mac editors did; markdown and YAML would read such lines differently from your editor',
        fix: 'save the file with Unix (LF) line endings, as every other content file is',
        position: positionOfChar(text, loneReturn),
      },
    };
  }
  return { text };
}

/** Where a CR not followed by LF is (Windows' CRLF is fine), or -1. */
function firstLoneCarriageReturn(text: string): number {
  for (let index = text.indexOf('\r'); index >= 0; index = text.indexOf('\r', index + 1)) {
    if (text[index + 1] !== '\n') return index;
  }
  return -1;
}

// The offset of the first byte that does not start or continue a valid UTF-8
// sequence (overlong forms and surrogates count as invalid, as in the spec).
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    if (!length) return index;
    index += length;
  }
  return bytes.length;
}

function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index];
  if (lead < 0x80) return 1;
  const [length, min, max] = lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  if (!length) return 0;
  const second = bytes[index + 1];
  if (second === undefined || second < min || second > max) return 0;
  for (let k = 2; k < length; k += 1) {
    const next = bytes[index + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

function positionOfByte(bytes: Uint8Array, offset: number) {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
  const column = new TextDecoder().decode(before.subarray(lineStart)).length + 1;
  return { line, column };
}

// Lines as the editor's own editor counts them: LF, CRLF or a lone CR ends one.
function positionOfChar(text: string, index: number) {
  const lines = text.slice(0, index).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}
