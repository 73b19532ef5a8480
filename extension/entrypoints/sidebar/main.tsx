import { render } from 'preact';
import { openOptionsPage, preferredLanguages } from '../../platform/pages';
import { detectLocale } from '../../../shared/locale';
import { App } from '../../ui/sidebar/App';
import '../../ui/theme.css';

const locale = detectLocale(preferredLanguages());
document.documentElement.lang = locale;
// Opened from a reminder's notification: `?case=<id>` shows that case on its own.
const caseId = new URLSearchParams(location.search).get('case') ?? undefined;
render(<App locale={locale} caseId={caseId} openSettings={() => void openOptionsPage()} />, document.getElementById('app')!);
