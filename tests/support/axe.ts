import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.2 A and AA rules: what axe checks for WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on a page and returns its violations as readable lines:
 * rule, impact, what to do, and the first few elements at fault.
 */
export async function axeViolations(page: Page, { rules, tags = WCAG_AA_TAGS }: { rules?: string[]; tags?: string[] } = {}) {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules(rules) : builder.withTags(tags)).analyze();
  return results.violations.map((violation) => {
    const nodes = violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join('; ').trim()}`);
    const more = violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : [];
    return [`${violation.id} (${violation.impact}): ${violation.help} ${violation.helpUrl}`, ...nodes, ...more].join('\n');
  });
}
