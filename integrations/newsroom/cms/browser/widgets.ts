/**
 * Widgets for fields that are required once their optional object is filled in (the hero's image and alt text):
 * Decap checks a required field of an optional object even when the object is empty, so these fields are
 * optional to Decap and checked here instead. Each wraps a built-in widget (`newsroom-string` wraps `string`).
 */
import { REQUIRED_WITH_WIDGETS } from '../names.ts';
import { type DecapCms, type Immutable, isEmptyValue } from './decap.ts';

interface ControlProps {
	field: Immutable;
	value: unknown;
	entry: Immutable;
}

/** The wrapped built-in control, once mounted. */
interface Inner {
	isValid?: () => unknown;
	getValidateValue?: () => unknown;
	focus?: () => void;
	shouldComponentUpdate?: (nextProps: unknown) => boolean;
}

interface Control {
	props: ControlProps;
	inner?: Inner | undefined;
}

export function registerWidgets(cms: DecapCms): void {
	for (const name of REQUIRED_WITH_WIDGETS) {
		const base = cms.getWidget(name);
		if (!base) continue;
		const control = window.createClass({
			displayName: `Newsroom(${name})`,
			isValid(this: Control) {
				const { field, value, entry } = this.props;
				if (isEmptyValue(value)) {
					const parent = entry.getIn(['data', ...String(field.get('newsroom_required_with')).split('.')]) as
						| { some?(test: (value: unknown) => boolean): boolean }
						| undefined;
					if (parent?.some?.((sibling) => !isEmptyValue(sibling))) {
						return { error: { type: 'CUSTOM', message: String(field.get('newsroom_required_message')) } };
					}
					return true;
				}
				return this.inner?.isValid?.() ?? true;
			},
			getValidateValue(this: Control) {
				return this.inner?.getValidateValue?.();
			},
			// Decap asks the control whether to re-render (the image widget re-renders when a picked file arrives).
			shouldComponentUpdate(this: Control, nextProps: unknown) {
				return this.inner?.shouldComponentUpdate?.call(this.inner, nextProps) ?? true;
			},
			focus(this: Control) {
				this.inner?.focus?.();
			},
			render(this: Control) {
				return window.h(base.control, {
					...this.props,
					ref: (instance: Control['inner']) => {
						this.inner = instance ?? undefined;
					},
				});
			},
		});
		cms.registerWidget(`newsroom-${name}`, control, base.preview);
	}
}
