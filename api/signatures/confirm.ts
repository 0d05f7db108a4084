// /underskriv/bekraeft/ (rewritten here): the link in the confirmation mail. GET shows a button; POST confirms.
import { routes } from '../../src/routes.ts';
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { confirmSignature } from '../../src/signing/signatures.ts';

export const { GET, POST } = tokenActionHandlers('confirm', routes.signConfirm, (db, token) => confirmSignature(db, token), (done) => done.organisationName);
