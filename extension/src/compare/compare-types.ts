export type { CompareParams, CompareResponse, CompareTarget } from '../../../language-server/src/protocol.js';
export type { DiffPlace } from '../../../language-server/src/diff/diff-types.js';
