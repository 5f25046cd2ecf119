// Who is signed in: asked once at start, cleared when any request meets a 401 (the session ended), and
// gating the console: no session → sign-in, a one-time password → choose a new one, else the console.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { may, type StaffRight } from '../../../../shared/staff-rights';
import type { StaffView } from '../../../../shared/views';
import { currentStaff, logout } from '../../api/auth';
import { SIGNED_OUT_EVENT } from '../../api/http';
import { Loading } from '../../ui/kit';
import { LoginPage } from './LoginPage';
import { ChangePasswordPage } from './ChangePasswordPage';

interface Session {
  staff: StaffView;
  signOut(): Promise<void>;
}

const Context = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(Context);
  if (!s) throw new Error('useSession outside SessionGate');
  return s;
}

/** Whether the signed-in role may do something (shared/staff-rights.ts): buttons it may not use are not shown. */
export function useMay(): (right: StaffRight) => boolean {
  const { staff } = useSession();
  return (right) => may(staff.role, right);
}

export function SessionGate({ children }: { children: ReactNode }) {
  const [staff, setStaff] = useState<StaffView | null | undefined>(undefined);
  const [startError, setStartError] = useState<Error | null>(null);
  useEffect(() => {
    currentStaff().then(setStaff, (e: Error) => setStartError(e));
    const lost = () => setStaff(null);
    window.addEventListener(SIGNED_OUT_EVENT, lost);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, lost);
  }, []);
  const signOut = useCallback(async () => {
    await logout().catch(() => undefined); // signed out locally even if the server cannot be reached
    setStaff(null);
  }, []);
  if (staff === undefined) return startError ? <LoginPage onSignedIn={setStaff} startError={startError} /> : <Loading />;
  if (staff === null) return <LoginPage onSignedIn={setStaff} />;
  if (staff.mustChangePassword) return <ChangePasswordPage staff={staff} onChanged={setStaff} onSignOut={signOut} />;
  return <Context.Provider value={{ staff, signOut }}>{children}</Context.Provider>;
}
