import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadVenueZone } from './venue-clock';
import './styles.css';

void loadVenueZone().then(() => createRoot(document.getElementById('root')!).render(<App />));
