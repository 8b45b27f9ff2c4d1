// The components a site places in its layouts and pages: `import { RecentPosts } from '@newsroom/astro/components'`.
export { default as CookieConsent } from './consent/CookieConsent.astro';
export { default as ConsentDetails } from './consent/ConsentDetails.astro';
export { default as ConsentEmbed } from './consent/ConsentEmbed.astro';
export { default as BreakingNews } from './components/BreakingNews.astro';
export { default as ConsentSettingsButton } from './consent/ConsentSettingsButton.astro';
export { default as FormattedDate } from './components/FormattedDate.astro';
export { default as LiveUpdates } from './live-updates/LiveUpdates.astro';
export { default as RecentPosts } from './recent-posts/RecentPosts.astro';
export { default as RecentPostsList } from './recent-posts/RecentPostsList.astro';
export { default as SeoHead } from './seo/SeoHead.astro';
export { default as Search } from './search/Search.astro';
export { default as ShareLinks } from './share/ShareLinks.astro';
// The reader-facing words the components and the sample site's pages share (to join the configurable labels).
