import type { Plugin } from 'vite';
import type { NewsroomConfig } from '../config.ts';

const VIRTUAL_ID = 'virtual:newsroom/config';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** Serves the resolved options as `virtual:newsroom/config`, the one way options reach components. */
export function vitePluginNewsroomConfig(config: NewsroomConfig): Plugin {
	const source = `export default ${JSON.stringify(config)};`;
	return {
		name: 'newsroom:config',
		resolveId(id) {
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		load(id) {
			return id === RESOLVED_ID ? source : undefined;
		},
	};
}
