/**
 * A step that runs on a freshly built site in its staging directory, before
 * it replaces dist/ (scripts/finish-site.ts lists them in order).
 */
export interface FinishStep {
  name: string;
  run: (siteDir: string) => Promise<void>;
}
