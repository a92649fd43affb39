import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium for browser tests: the browser CHROME_PATH names if it is set (an
 * explicit choice wins: GitHub's runners set it to their Google Chrome), else
 * Playwright's own if installed, else Debian's /usr/bin/chromium (the order
 * README.md documents). No browser is a failure with instructions, never a skip.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightsOwn() {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The path of a Chromium to run, or an Error saying how to install one. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, playwrightsOwn(), '/usr/bin/chromium'];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (found) return found;
  throw new Error(
    [
      'The browser tests need Chromium and none was found. Tried:',
      ...candidates.map((path, index) => `  ${['CHROME_PATH', 'Playwright’s browser', 'Debian’s chromium'][index]}: ${path ?? '(not set)'}`),
      'Install one of:',
      '  sudo apt-get install -y chromium          (Debian/Ubuntu; .ci/run does this)',
      '  npx playwright-core install chromium      (Playwright’s own build)',
      'or set CHROME_PATH=/path/to/chromium and run npm test again.',
    ].join('\n'),
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}
