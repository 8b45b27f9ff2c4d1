/**
 * Share links for an article: plain links to each network's own share page, with the article's address and
 * headline in the query. No third-party script, button widget or tracking pixel loads on the page; the reader's
 * browser contacts the network only when they follow a link.
 */

export interface ShareLink {
	/** The network's name, for the link's accessible name. */
	network: string;
	href: string;
}

export function shareLinks(url: string, title: string): ShareLink[] {
	const u = encodeURIComponent(url);
	const t = encodeURIComponent(title);
	return [
		{ network: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
		{ network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
		{ network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
		{ network: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
		{ network: 'LINE', href: `https://social-plugins.line.me/lineit/share?url=${u}` },
		{ network: 'Email', href: `mailto:?subject=${t}&body=${u}` },
	];
}
