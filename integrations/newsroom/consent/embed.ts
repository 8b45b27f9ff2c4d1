import type { Element } from 'hast';
import { h } from 'hastscript';
import type { NewsroomOptions } from '../options.ts';

/**
 * The markup of third-party content behind consent, the one place it is written: `<ConsentEmbed>` renders it, and
 * the article HTML policy turns iframes from the allowed embed hosts into it. A placeholder of the embed's size names
 * the provider and offers a button that asks for the category (the consent island answers it, and loads every
 * embed of a granted category); the iframe waits in a `<template>`, so nothing is requested before consent.
 */
export interface EmbedProps {
	src: string;
	title: string;
	provider: string;
	category: string;
	ratio: '16:9' | '4:3' | '3:2' | '1:1' | '9:16' | string;
	/** Where readers can see it on the provider's own site (default: `src`); what feeds link to. */
	link?: string | undefined;
	allow?: string | undefined;
	sandbox?: string | undefined;
}

/** A host whose iframes may be embedded, behind consent (`security.embeds`). */
export interface EmbedHost {
	/** The iframe's host, e.g. "www.youtube-nocookie.com" (with ":port" if not 443). */
	host: string;
	/** Who readers know it as, e.g. "YouTube". */
	provider: string;
	/** The consent category its content needs. */
	category: string;
}

/** The embed host an iframe's address is on (https only), if it is one. */
export function embedHost(src: string, embeds: readonly EmbedHost[]): EmbedHost | undefined {
	try {
		const url = new URL(src);
		return url.protocol === 'https:' ? embeds.find((candidate) => candidate.host === url.host) : undefined;
	} catch {
		return undefined;
	}
}

export const DEFAULT_ALLOW = 'fullscreen; picture-in-picture; encrypted-media';
export const DEFAULT_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-presentation';

export function embedElement(props: EmbedProps, consent: NewsroomOptions['consent']): Element {
	const { src, title, provider, category, ratio, link = src, allow = DEFAULT_ALLOW, sandbox = DEFAULT_SANDBOX } = props;
	const known = consent.categories.find((candidate) => candidate.id === category);
	if (!known) {
		throw new Error(
			`a consent embed's category "${category}" is not a consent category (expected one of ${consent.categories.map((c) => `"${c.id}"`).join(', ')})`,
		);
	}
	const fill = (text: string) => text.replaceAll('{provider}', provider).replaceAll('{category}', known.label);
	const iframe = h('iframe', { src, title, loading: 'lazy', referrerPolicy: 'strict-origin-when-cross-origin', sandbox, allow });
	return h(
		'newsroom-embed',
		{ className: ['consent-embed'], dataConsent: category, dataRatio: ratio, dataTitle: title, dataProvider: provider, dataLink: link },
		[
			h('div', { className: ['placeholder'] }, [
				h('p', fill(consent.labels.embedNotice)),
				h('p', [
					h('button', { type: 'button', dataConsentAsk: category }, fill(consent.labels.embedLoad)),
					' ',
					h('a', { href: link, rel: 'noopener' }, fill(consent.labels.embedOpen)),
				]),
			]),
			// hast keeps a template's nodes in `content` (what HTML parses them into; hast-util-to-html writes that),
			// Sätteri's renderer writes its children: both, so either serializes the iframe inside the template.
			{ type: 'element', tagName: 'template', properties: {}, children: [iframe], content: { type: 'root', children: [iframe] } } as Element,
		],
	);
}
