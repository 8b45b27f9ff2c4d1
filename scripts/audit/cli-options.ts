/** The gates `npm run audit` runs by default, by the name `--only` takes. */
export const gateNames = ['html', 'a11y', 'links', 'feeds', 'weight', 'headers', 'security'] as const;
export type GateName = (typeof gateNames)[number] | 'lighthouse';

/** What `npm run audit -- …` was asked to do. */
export interface CliOptions {
	dist: string;
	site: string | undefined;
	gates: GateName[];
	help: boolean;
}

export const usage = `Usage: npm run audit -- [--dist <dir>] [--site <url>] [--only <gate,…>] [--lighthouse]

Checks a built site with the project's quality gates and exits 1 if any fails.
  --dist <dir>     the build to check (default: dist)
  --site <url>     the site's absolute URL (default: the home page's canonical URL)
  --only <gates>   run only these gates, comma-separated: ${gateNames.join(', ')}
  --lighthouse     also run Lighthouse (mobile) on the home page and an article (needs \`npm i -D lighthouse\`)`;

/** Reads the audit's command line (the arguments after the script); an unknown or incomplete option throws with the usage. */
export function cliOptions(argv: readonly string[]): CliOptions {
	const options: CliOptions = { dist: 'dist', site: undefined, gates: [...gateNames], help: false };
	let lighthouse = false;
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index] ?? '';
		const [flag = '', inline] =
			argument.startsWith('--') && argument.includes('=') ? argument.split(/=(.*)/s) : [argument, undefined];
		const value = () => {
			const next = inline ?? argv[++index];
			if (next === undefined || next === '') throw new Error(`${flag} needs a value.\n\n${usage}`);
			return next;
		};
		if (flag === '--dist') options.dist = value();
		else if (flag === '--site') options.site = value();
		else if (flag === '--lighthouse') lighthouse = true;
		else if (flag === '--help' || flag === '-h') options.help = true;
		else if (flag === '--only') {
			const names = value()
				.split(',')
				.map((name) => name.trim());
			const unknown = names.filter((name) => !(gateNames as readonly string[]).includes(name));
			if (unknown.length > 0)
				throw new Error(
					`--only: unknown gate ${unknown.map((name) => `"${name}"`).join(', ')}; the gates are ${gateNames.join(', ')}.\n\n${usage}`,
				);
			options.gates = names as GateName[];
		} else throw new Error(`Unknown option "${argument}".\n\n${usage}`);
	}
	if (lighthouse) options.gates.push('lighthouse');
	return options;
}
