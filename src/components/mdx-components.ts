import { ConsentEmbed } from '@newsroom/astro/components';
import Factbox from './Factbox.astro';

/** Components MDX articles may use without importing them: on article pages and in feeds (`mdxComponents`). */
export default { Factbox, ConsentEmbed };
