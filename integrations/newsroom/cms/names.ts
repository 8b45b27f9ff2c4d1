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
export const REQUIRED_WITH_WIDGETS = ['string', 'text', 'image'] as const;
