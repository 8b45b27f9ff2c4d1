/**
 * The reader-facing words issue 17 added (search, related articles, indexes, feeds page, reading time, share
 * links), in one place so they can move into the configurable labels as one piece. Words that depend on a number
 * are functions.
 */
export const readerWords = {
	search: 'Search',
	searchLabel: 'Search articles',
	searchHeading: 'Search',
	searchPlaceholder: 'Words to find',
	searchNeedsScript: 'Searching needs JavaScript. Browse the topics, authors and sections instead:',
	searchAnySection: 'Any section',
	searchAnyAuthor: 'Any author',
	searchAnyYear: 'Any year',
	searchSection: 'Section',
	searchAuthor: 'Author',
	searchYear: 'Year',
	searchSort: 'Sort by',
	searchSortRelevance: 'Relevance',
	searchSortNewest: 'Newest first',
	searchLoading: 'Searching…',
	searchNoResults: 'No articles match.',
	/** Shown by the search script: `{count}` is replaced with the number of results. */
	searchResultsOne: '1 article found',
	searchResultsMany: '{count} articles found',
	related: 'Related coverage',
	topics: 'Topics',
	topicsIndex: 'Topics',
	authorsIndex: 'Authors',
	sectionsIndex: 'Sections',
	feedsPage: 'Feeds',
	feedsAbout:
		'A feed lists the newest articles in a form feed readers understand: copy a feed’s address into your feed reader (or a news app that follows sites) and new articles come to you, with no account or e-mail address.',
	feedsSite: 'The whole site',
	articleCount: (count: number) => (count === 1 ? '1 article' : `${count} articles`),
	minRead: (minutes: number) => `${minutes} min read`,
	share: 'Share this article',
	shareOn: (network: string) => `Share on ${network}`,
	shareByEmail: 'Share by email',
} as const;

export type ReaderWords = typeof readerWords;
