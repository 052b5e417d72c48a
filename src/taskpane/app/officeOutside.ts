/** The part of office.js's internal logger that matters here (office.js ships no types for it). */
interface OfficeLoggerGlobal {
  readonly OSF?: { readonly Logger?: { readonly ulsEndpoint?: { loadProxyFrame?: () => void } | null } };
}

/**
 * Outside Office, office.js still starts its log uploader, which three seconds later frames Microsoft's
 * telemetry page with an inline style: the pane's Content-Security-Policy refuses both (rightly), and each
 * refusal is a console error. There is nothing to upload outside Office, so the frame is never loaded.
 * Inside Office the host's own office.js runtime is left untouched.
 */
export function quietOfficeOutsideOffice(scope: OfficeLoggerGlobal = globalThis as OfficeLoggerGlobal): boolean {
  const endpoint = scope.OSF?.Logger?.ulsEndpoint;
  if (endpoint === undefined || endpoint === null) return false;
  endpoint.loadProxyFrame = () => undefined;
  return true;
}
