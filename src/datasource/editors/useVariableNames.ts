// Names of the dashboard's template variables, for the pickers (read once per editor mount).
import { getTemplateSrv } from '@grafana/runtime';
import { useMemo } from 'react';

export function useVariableNames(): string[] {
  return useMemo(() => {
    try {
      return getTemplateSrv()
        .getVariables()
        .map((v) => v.name)
        .filter((n): n is string => typeof n === 'string' && n.length > 0);
    } catch {
      return []; // no template service (outside a dashboard)
    }
  }, []);
}
