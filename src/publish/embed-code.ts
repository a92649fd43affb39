/**
 * What a journalist pastes into their page to embed a chart: an iframe that
 * shows the chart at a sensible fixed height on its own, and a small script
 * that lets the embed report its height so the iframe never scrolls or clips.
 * The script is @newswire/frames (it also understands Pym.js height
 * messages) plus a few lines that find our iframes.
 * @see https://github.com/rdmurphy/frames
 */

/** The attribute that marks our iframes on a host page. */
export const EMBED_ATTRIBUTE = 'data-judged-embed';

export interface EmbedCodeOptions {
  /** Absolute URL of the embed page. */
  embedUrl: string;
  /** Absolute URL of the resize script, /embed/resize.js. */
  scriptUrl: string;
  /** The iframe's accessible name. */
  title: string;
  /** Fallback height in CSS pixels, used until (or unless) the script runs. */
  height: number;
}

const escapeAttribute = (text: string) => text.replace(/[&"<>]/g, (char) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[char]!);

/**
 * The iframe to paste: valid HTML (no deprecated `scrolling` or `frameborder`,
 * no percentage `width`), full width and borderless through its own style,
 * since a host page has none of our CSS. Without the script it keeps
 * `height`, and a reader can still scroll inside it.
 */
export function embedIframe({ embedUrl, title, height }: Omit<EmbedCodeOptions, 'scriptUrl'>): string {
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" height="${Math.round(height)}" loading="lazy" style="display:block;width:100%;border:0" ${EMBED_ATTRIBUTE}></iframe>`;
}

/** The same iframe for a page of this site, styled by a class (the site's CSP allows no inline style). */
export function embedPreviewIframe({ embedUrl, title, height, className }: Omit<EmbedCodeOptions, 'scriptUrl'> & { className: string }): string {
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" height="${Math.round(height)}" loading="lazy" class="${escapeAttribute(className)}" ${EMBED_ATTRIBUTE}></iframe>`;
}

/** The code to copy: the iframe, then the resize script. */
export function embedCode(options: EmbedCodeOptions): string {
  return `${embedIframe(options)}\n<script async src="${escapeAttribute(options.scriptUrl)}"></script>`;
}

/**
 * The host-page script served at /embed/resize.js: the UMD build of
 * @newswire/frames (its licence kept), then a setup that observes every one
 * of our iframes once, whether the script runs before or after them.
 */
export function hostResizeScript(framesUmd: string, framesLicence: string): string {
  const licence = framesLicence.trim().split('\n').map((line) => ` * ${line}`.trimEnd()).join('\n');
  const umd = framesUmd.replace(/\n?\/\/# sourceMappingURL=.*$/m, '').trim();
  return `/*!
 * Resizes embedded charts to their content. Paste with the iframe.
 * Includes @newswire/frames 1.0.0:
${licence}
 */
${umd}
;(function () {
  function observe() {
    var frames = document.querySelectorAll('iframe[${EMBED_ATTRIBUTE}]:not([data-frames-observed])');
    for (var i = 0; i < frames.length; i++) {
      frames[i].setAttribute('data-frames-observed', '');
      window.newswireFrames.observeIframe(frames[i]);
    }
  }
  observe();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', observe);
})();
`;
}
