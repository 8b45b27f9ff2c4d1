/** The publication, as JSON-LD needs it. */
export interface Publisher {
	name: string;
	/** Absolute URL of the home page. */
	url: string;
	/** The logo: absolute URL and its size in pixels. */
	logo: { url: string; width: number; height: number };
	/** The publication's profiles elsewhere (absolute URLs). */
	sameAs: readonly string[];
}

/** The publication as a schema.org NewsMediaOrganization, with an `@id` other blocks refer to. */
export function publisherJsonLd({ name, url, logo, sameAs }: Publisher) {
	return {
		'@type': 'NewsMediaOrganization',
		'@id': `${url}#organization`,
		name,
		url,
		logo: { '@type': 'ImageObject', url: logo.url, width: logo.width, height: logo.height },
		...(sameAs.length > 0 ? { sameAs: [...sameAs] } : {}),
	};
}
