import { execFile } from 'node:child_process';
import { describe, expect, test } from 'vitest';

// `npm audit --omit=dev`: no high or critical advisory in what readers'
// browsers and the build run. An audit that cannot reach the registry's
// advisory endpoint fails: "could not check" is not "no vulnerabilities".
interface AuditReport {
  metadata?: { vulnerabilities: Record<'info' | 'low' | 'moderate' | 'high' | 'critical' | 'total', number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable: unknown }>;
  message?: string;
  error?: { summary?: string; detail?: string };
}

function npmAudit() {
  return new Promise<{ stdout: string; stderr: string }>((done) => {
    execFile('npm', ['audit', '--omit=dev', '--json'], { timeout: 90_000, maxBuffer: 32 * 1024 * 1024 }, (_error, stdout, stderr) => done({ stdout, stderr }));
  });
}

describe('npm audit --omit=dev', () => {
  test('reports no high or critical vulnerability in production dependencies', async () => {
    const { stdout, stderr } = await npmAudit();
    let report: AuditReport;
    try {
      report = JSON.parse(stdout);
    } catch {
      throw new Error(`npm audit printed no report, so the dependencies were not checked.\n${stderr.trim()}`);
    }
    if (!report.metadata) {
      throw new Error(
        [
          'npm audit could not get advisories from the registry, so the dependencies were not checked:',
          `  ${report.message ?? report.error?.summary ?? stderr.trim()}`,
          'The audit endpoint (POST <registry>/-/npm/v1/security/advisories/bulk) must be reachable:',
          'run `npm audit --omit=dev` where registry.npmjs.org is, or point npm at a registry that serves it.',
        ].join('\n'),
      );
    }
    const serious = Object.entries(report.vulnerabilities ?? {})
      .filter(([, vulnerability]) => vulnerability.severity === 'high' || vulnerability.severity === 'critical')
      .map(([name, vulnerability]) => `${name}: ${vulnerability.severity}${vulnerability.fixAvailable ? ' (npm audit fix available)' : ''}`);
    expect(serious).toEqual([]);
  });
});
