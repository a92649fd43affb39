// Types for @newswire/frames 1.0.0, which ships none: the functions the
// embeds use, as its README documents them.
// @see https://github.com/rdmurphy/frames#api
declare module '@newswire/frames' {
  /** Sends the document's height, or `height`, to the host page. */
  export function sendFrameHeight(height?: number): void;
  /** Sends the height on load, on resize and when the host starts listening. */
  export function initFrame(): void;
  /** Listens for height messages (its own and Pym.js's) from an iframe; returns a function that stops. */
  export function observeIframe(iframe: HTMLIFrameElement): () => void;
}
