/**
 * The names the generated configuration, the admin page's script and the site share: where the CMS lives, and the
 * formats and widgets the script registers for the configuration to use. No imports: the browser loads this too.
 */

/** The admin page's URL path below the site's base. */
export const ADMIN_PATH = '/admin/';

/** Where Decap's bundle is served, below the admin page. */
export const DECAP_FOLDER = 'decap/';

/** The file formats cms/browser/formats.ts registers (cms/front-matter.ts). */
export const FORMATS = { frontMatter: 'newsroom-frontmatter', yaml: 'newsroom-yaml' } as const;

/** The built-in widgets cms/browser/widgets.ts wraps as `newsroom-<name>`, for fields required with their object. */
export const REQUIRED_WITH_WIDGETS = ['string', 'text', 'image', 'select'] as const;

/**
 * Data keys the pre-save hook fills with the year and month of an article's publish date as written (wall-clock
 * time in the site's zone), for the new file's path. Decap's own `{{year}}` reads the date in UTC and only from a
 * field named "date", and its path templates cannot name `pubDate` (it lowercases them), hence these. The file
 * writer never writes them.
 */
export const FOLDER_KEYS = { year: 'newsroom_year', month: 'newsroom_month' } as const;

/** The article field whose year and month name the folder of a new article. */
export const FOLDER_DATE_FIELD = 'pubDate';
