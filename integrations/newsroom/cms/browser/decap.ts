/**
 * The parts of Decap CMS's browser API the admin page uses. `decap-cms.js` (a classic script loaded before the
 * page's module) defines them on `window`: `CMS`, and React's `h` (createElement) and `createClass` for previews
 * and widgets. Decap hands entries and field settings over as Immutable.js maps.
 */

/** An Immutable.js Map or List, as Decap passes them. */
export interface Immutable {
	get(key: string | number): unknown;
	getIn(path: readonly (string | number)[]): unknown;
	set(key: string, value: unknown): Immutable;
	toJS(): unknown;
}

export type ReactNode = unknown;
export type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: ReactNode[]) => ReactNode;

export interface PreviewProps {
	entry: Immutable;
	widgetFor(name: string): ReactNode;
	getAsset(path: string, field?: Immutable): { toString(): string } | undefined;
	fieldsMetaData?: Immutable;
}

export interface Formatter {
	fromFile(content: string): Record<string, unknown>;
	toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>): string;
}

export interface DecapCms {
	init(options?: { config?: Record<string, unknown> }): void;
	registerPreviewTemplate(collection: string, component: (props: PreviewProps) => ReactNode): void;
	registerPreviewStyle(style: string, options?: { raw: boolean }): void;
	registerWidget(name: string, control: unknown, preview?: unknown): void;
	getWidget(name: string): { control: unknown; preview: unknown } | undefined;
	registerCustomFormat(name: string, extension: string, formatter: Formatter): void;
	registerEventListener(listener: {
		name: 'preSave';
		handler: (event: { entry: Immutable }) => Immutable | undefined;
	}): void;
}

declare global {
	interface Window {
		CMS: DecapCms;
		h: CreateElement;
		createClass(spec: Record<string, unknown>): unknown;
		CMS_MANUAL_INIT?: boolean;
	}
}

/** Decap's notion of an empty value: nothing, "", an empty list or map. */
export function isEmptyValue(value: unknown): boolean {
	if (value === null || value === undefined || value === '') return true;
	const sized = value as { size?: number; length?: number };
	return sized.size === 0 || sized.length === 0;
}
