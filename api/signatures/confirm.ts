// /underskriv/bekraeft/ and /en/sign/confirm/ (rewritten here): the link in the confirmation mail. GET shows a button; POST confirms.
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { confirmSignature } from '../../src/signing/signatures.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(tokenActionHandlers('confirm', 'signConfirm', (db, token) => confirmSignature(db, token), (done) => done.organisationName));
