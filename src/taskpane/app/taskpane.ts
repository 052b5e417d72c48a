import { officeWorkbookHost, sharedRegistry } from '../../functions/workbookSettings';
import { mountPane } from './app';
import { quietOfficeOutsideOffice } from './officeOutside';
import { createPaneContext } from '../context/paneContext';
import { browserWorkbookIo, officeWorkbookIo, type WorkbookIo } from '../workbook/workbookIo';

/** Excel's workbook when the pane runs inside Excel; the in-memory stand-in in a plain browser. */
function workbookIo(host: Office.HostType | null): WorkbookIo {
  const workbook = host !== null && host === Office.HostType.Excel ? officeWorkbookHost() : null;
  return workbook === null ? browserWorkbookIo(sharedRegistry) : officeWorkbookIo(workbook, sharedRegistry);
}

function start(host: Office.HostType | null): void {
  if (host === null) quietOfficeOutsideOffice();
  mountPane(createPaneContext(sharedRegistry, workbookIo(host)));
}

// Outside Office, office.js still loads and onReady resolves with host null; the pane then runs in memory.
if (typeof Office === 'undefined') start(null);
else void Office.onReady().then((info) => start(info.host ?? null));
