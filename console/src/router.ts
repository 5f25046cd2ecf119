// Hash routing: #/path/segments?query. Small on purpose; the console has a dozen screens.
import { useEffect, useState } from 'react';

export interface Route {
  segments: string[];
  query: URLSearchParams;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** A link target for a console path, e.g. href('/meetings/3') → '#/meetings/3'. */
export const href = (path: string): string => `#${path}`;

export function navigate(path: string): void {
  location.hash = path;
}

/** The id in a segment, or null when it is not a positive integer. */
export function idOf(segment: string | undefined): number | null {
  const n = Number(segment);
  return Number.isInteger(n) && n > 0 ? n : null;
}
