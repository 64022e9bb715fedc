/** Loads an API answer when its inputs change; `reload` asks again (e.g. after a live alert). */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../api/client.js';

export type Loaded<T> = ApiResult<T> | { readonly kind: 'loading' };

export function useLoad<T>(
  load: () => Promise<ApiResult<T>>,
  inputs: readonly unknown[],
): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (current) setState(result);
    });
    return () => {
      current = false;
    };
  }, [...inputs, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload];
}
