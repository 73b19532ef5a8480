import { render } from 'preact';
import { preferredLanguages } from '../../platform/pages';
import { detectLocale } from '../../../shared/locale';
import { Options } from '../../ui/options/Options';
import '../../ui/theme.css';

const locale = detectLocale(preferredLanguages());
document.documentElement.lang = locale;
render(<Options locale={locale} />, document.getElementById('app')!);
