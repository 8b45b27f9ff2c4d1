/** A schema.org BreadcrumbList from the trail of pages above this one (absolute URLs), home first. */
export function breadcrumbListJsonLd(trail: readonly { name: string; url: string }[]) {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: trail.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.name,
			item: crumb.url,
		})),
	};
}
