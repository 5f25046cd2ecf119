import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/I18n';
import { App } from './App';
import { loadVenueZone } from './ui/format';
import './styles/base.css';
import './styles/chrome.css';
import './styles/components.css';
import './styles/attendance.css';
import './styles/watch.css';
import './styles/votes.css';
import './styles/agenda.css';
import './styles/admin.css';
import './styles/screen.css';
import './styles/print.css';
import './styles/hall.css';

void loadVenueZone().then(() =>
  createRoot(document.getElementById('root')!).render(
    <I18nProvider>
      <App />
    </I18nProvider>,
  ),
);
