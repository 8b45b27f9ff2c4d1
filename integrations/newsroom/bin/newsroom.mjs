#!/usr/bin/env node
// The `newsroom` command. Node does not strip TypeScript types from files under node_modules, so an installed
// package runs the bundle `npm pack` builds (dist/cli.mjs); in this repository, the TypeScript source itself.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : new URL('../cli.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
