import { render } from 'preact';
import { openOptionsPage, preferredLanguages } from '../../platform/pages';
import { detectLocale } from '../../ui/i18n';
import { App } from '../../ui/sidebar/App';
import '../../ui/theme.css';

const locale = detectLocale(preferredLanguages());
document.documentElement.lang = locale;
render(<App locale={locale} openSettings={() => void openOptionsPage()} />, document.getElementById('app')!);
