export type { AccountDocuments, AccountUpdate } from './accountDocuments';
export type { AccountPhase, AccountSource, AccountStatus } from './accountConnection';
export { AccountHub, DEFAULT_ACCOUNT_SETTINGS } from './accountHub';
export type { AccountHubOptions, AccountSettings, AccountSink } from './accountHub';
export { ACCOUNT_PARTS, TOTALS_HEADER, accountTable } from './accountTables';
export type { AccountCell, AccountPart, AccountTable } from './accountTables';
export { NEEDS_PASSPHRASE, withoutSecrets } from './keys';
export { PRIVATE_URLS, PRIVATE_WEBSOCKET_ORIGINS, privateFeed } from './privateFeeds';
export type { PrivateEvent, PrivateFeed, PrivateUrls } from './privateFeeds';
