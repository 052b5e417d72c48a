// Where the add-in is served. manifest.xml and the functions' help links are written for the local dev server;
// a hosted build swaps that base for ADDIN_BASE_URL everywhere, with one global replace.
'use strict';

const DEV_BASE_URL = 'https://localhost:3000/';

/** Office loads add-ins over https only; the base must be a plain folder URL so that it can prefix paths. */
function normaliseBaseUrl(raw) {
  if (raw === undefined || raw === null || String(raw).trim() === '') return null;
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL: expected an absolute https URL such as https://addin.example.com/margin/, got "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL: Office loads add-ins over https only, got "${raw}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL: expected no query or fragment, got "${raw}"`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Replaces every occurrence of the dev base URL; with no base URL the text is returned unchanged. */
function rewriteUrls(text, baseUrl) {
  return baseUrl ? text.split(DEV_BASE_URL).join(baseUrl) : text;
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, rewriteUrls };
