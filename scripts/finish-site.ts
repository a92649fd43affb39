import type { FinishStep } from './finish-steps/finish-step.ts';
import { searchIndex } from './finish-steps/search-index.ts';
import { securityHeaders } from './finish-steps/security-headers.ts';

/**
 * Steps that run on a freshly built site in its staging directory, before
 * it replaces dist/ (a failing step publishes nothing). Each step lives in
 * scripts/finish-steps/ and is listed here in the order it must run.
 */
const steps: FinishStep[] = [searchIndex, securityHeaders];

export async function finishSite(siteDir: string) {
  for (const step of steps) {
    try {
      await step.run(siteDir);
    } catch (error) {
      throw new Error(`Finishing step "${step.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
