#!/usr/bin/env node
// The `newsroom` command. Node does not strip TypeScript types from files under node_modules, so an installed
// package runs the bundle `npm pack` builds (dist/cli.mjs); a workspace checkout runs the TypeScript source itself
// (Node ≥ 22.18), so it never runs a stale bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
const installed = fileURLToPath(import.meta.url)
	.split(/[\\/]/)
	.includes('node_modules');
const entry = installed && existsSync(bundle) ? bundle : new URL('../cli.ts', import.meta.url);
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
