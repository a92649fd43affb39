import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The W3C Nu Html Checker (vnu.jar, from the vnu-jar package) run once over
 * many files: the JVM takes seconds to start, so one run checks a whole site.
 * HTML files are checked as HTML, .svg files as SVG (`--also-check-svg`).
 * It needs a Java runtime (11 or later); none is a failure with instructions.
 * @see https://validator.github.io/validator/#usage
 */

export interface NuMessage {
  /** "error" and "non-document-error" are failures; "info" is a warning or a note. */
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  message: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  extract?: string;
}

export interface NuReport {
  /** The files the checker says it read (it passes over a missing file in silence). */
  checked: Set<string>;
  /** Messages by absolute file path. */
  messages: Map<string, NuMessage[]>;
}

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** `java` from JAVA_HOME if set, else from PATH. */
const javaCommand = () => (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');

const NO_JAVA = [
  'The W3C Nu Html Checker (vnu.jar) needs a Java runtime, 11 or later, and none was found.',
  'Install one:  sudo apt-get install -y default-jre-headless   (Debian/Ubuntu; .ci/run does this)',
  'or set JAVA_HOME to a JDK or JRE and run npm test again.',
].join('\n');

/** Checks the files (absolute paths) in one run of the checker. */
export function runNuChecker(files: readonly string[]): Promise<NuReport> {
  return new Promise((done, fail) => {
    // --verbose prints each file's path on stdout as it is read; the JSON report goes to stderr.
    const child = spawn(javaCommand(), ['-jar', VNU_JAR, '--format', 'json', '--also-check-svg', '--verbose', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? new Error(NO_JAVA) : error));
    child.on('close', (code) => {
      // Exit status 1 means "errors found"; anything else without a report is the checker failing.
      const report = stderr.slice(stderr.indexOf('{"'));
      let parsed: { messages: NuMessage[] };
      try {
        parsed = JSON.parse(report);
      } catch {
        fail(new Error(`The Nu checker gave no report (exit ${code}):\n${stderr || stdout}`));
        return;
      }
      const messages = new Map<string, NuMessage[]>();
      for (const message of parsed.messages) {
        const file = message.url?.startsWith('file:') ? fileURLToPath(message.url) : '(no file)';
        messages.set(file, [...(messages.get(file) ?? []), message]);
      }
      const checked = new Set(stdout.split('\n').map((line) => line.trim()).filter(Boolean));
      done({ checked, messages });
    });
  });
}

/** The messages that fail a file: errors, fatal errors and files the checker could not read. */
export const nuFailures = (messages: readonly NuMessage[] = []) => messages.filter((message) => message.type !== 'info' || message.message === 'File not found.');

/** One line per message: `line:column message «extract»`, for a readable test failure. */
export const describeNuMessage = (message: NuMessage) =>
  `${message.lastLine ?? '?'}:${message.firstColumn ?? '?'} ${message.message}${message.extract ? ` «${message.extract.trim()}»` : ''}`;
