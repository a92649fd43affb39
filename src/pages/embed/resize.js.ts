import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { hostResizeScript } from '../../publish/embed-code.ts';

// /embed/resize.js, the script in every chart's embed code. It is read from
// the installed @newswire/frames at build time, so an update to the package
// updates it; the package's exports name only its ES build, so the UMD build
// beside it is found from there.
const frames = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('@newswire/frames'));

export const GET: APIRoute = () => {
  const script = hostResizeScript(readFileSync(join(frames, 'frames.umd.js'), 'utf8'), readFileSync(join(frames, '..', 'LICENSE'), 'utf8'));
  return new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
