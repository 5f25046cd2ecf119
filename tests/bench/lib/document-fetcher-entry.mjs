// The worker's entry, plain JavaScript so Node starts it: it teaches this thread TypeScript (tsx), then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./document-fetcher.ts');
