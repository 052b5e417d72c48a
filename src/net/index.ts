// Reading from the network within limits: the one bounded fetch every surface uses.
export { bodyError, FetchFailure, fetchBoundedText, sizeText } from './boundedFetch';
export type { BodyLimits, BoundedText, FetchBody, StreamedResponse } from './boundedFetch';
export { MAX_MESSAGE_SIZE, messageSize, oversizedMessage } from './messageLimit';
