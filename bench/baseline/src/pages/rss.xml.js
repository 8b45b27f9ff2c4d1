import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';

export async function GET(context) {
	const articles = (await getCollection('articles')).sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime());
	return rss({
		title: 'Baseline',
		description: 'Baseline feed',
		site: context.site,
		items: articles.slice(0, 20).map((a) => ({ title: a.data.title, pubDate: a.data.pubDate, link: `/articles/${a.id}/` })),
	});
}
