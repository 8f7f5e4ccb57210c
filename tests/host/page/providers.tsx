// What Grafana wraps every page in: the theme, the router on locationService's history, the portal container.
import { type ReactNode } from 'react';
import { Router } from 'react-router-dom';
import { CompatRouter } from 'react-router-dom-v5-compat';

import { config, locationService, LocationServiceProvider } from '@grafana/runtime';
import { ErrorBoundaryAlert, GlobalStyles, PortalContainer, ThemeContext } from '@grafana/ui';

export function HostProviders({ children }: { children: ReactNode }) {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <Router history={locationService.getHistory()}>
        <CompatRouter>
          <LocationServiceProvider service={locationService}>
            <ErrorBoundaryAlert>{children}</ErrorBoundaryAlert>
          </LocationServiceProvider>
        </CompatRouter>
      </Router>
    </ThemeContext.Provider>
  );
}

/** Grafana's global styles (body, fonts, scrollbars) and the portal container for menus and tooltips. */
export function HostChrome() {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <PortalContainer />
    </ThemeContext.Provider>
  );
}
