/**
 * The admin page's script, run after Decap's bundle (which the page loads with `CMS_MANUAL_INIT` set): registers
 * the newsroom's file formats, widgets, article preview and the site's stylesheets, then starts the CMS, which
 * reads `config.yml` beside the page.
 */
import preview from 'virtual:newsroom/cms-preview';
import './decap.ts';
import { registerFormats } from './formats.ts';
import { articlePreview } from './preview.ts';
import { registerWidgets } from './widgets.ts';

const cms = window.CMS;
registerFormats(cms);
registerWidgets(cms);
for (const style of preview.styles) cms.registerPreviewStyle(style, { raw: true });
cms.registerPreviewTemplate('articles', articlePreview({ locale: preview.locale }));
cms.init();
