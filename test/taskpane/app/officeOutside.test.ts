import { quietOfficeOutsideOffice } from '../../../src/taskpane/app/officeOutside';

describe('quietOfficeOutsideOffice', () => {
  it('stops office.js from framing its telemetry page', () => {
    let framed = 0;
    const endpoint = { loadProxyFrame: (): void => void (framed += 1) };
    expect(quietOfficeOutsideOffice({ OSF: { Logger: { ulsEndpoint: endpoint } } })).toBe(true);
    endpoint.loadProxyFrame();
    expect(framed).toBe(0);
  });

  it('does nothing when office.js has no log uploader', () => {
    expect(quietOfficeOutsideOffice({})).toBe(false);
    expect(quietOfficeOutsideOffice({ OSF: { Logger: { ulsEndpoint: null } } })).toBe(false);
  });
});
