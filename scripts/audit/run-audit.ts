import type { GateName } from './cli-options.ts';
import type { AuditContext, GateResult } from './types.ts';

/** Each gate, imported when it runs: `--only links` does not load a browser driver. */
const gates: Record<GateName, (context: AuditContext) => Promise<GateResult>> = {
	html: async (context) => (await import('./html/html-gate.ts')).htmlGate(context),
	a11y: async (context) => (await import('./a11y/a11y-gate.ts')).a11yGate(context),
	links: async (context) => (await import('./links/links-gate.ts')).linksGate(context),
	feeds: async (context) => (await import('./xml/feeds-gate.ts')).feedsGate(context),
	weight: async (context) => (await import('./weight/weight-gate.ts')).weightGate(context),
	headers: async (context) => (await import('./headers/headers-gate.ts')).headersGate(context),
	security: async (context) => (await import('./security/security-gate.ts')).securityGate(context),
	lighthouse: async (context) => (await import('./lighthouse/lighthouse-gate.ts')).lighthouseGate(context),
};

/** Runs the named gates one after another (the browser and the JVM each want the machine's cores to themselves). */
export async function runAudit(context: AuditContext, names: readonly GateName[]): Promise<GateResult[]> {
	const results: GateResult[] = [];
	for (const name of names) results.push(await gates[name](context));
	return results;
}
