declare module 'virtual:newsroom/config' {
	const config: import('./config.ts').NewsroomConfig;
	export default config;
}
