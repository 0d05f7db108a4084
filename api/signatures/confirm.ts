// /underskriv/bekraeft/ and /en/sign/confirm/ (rewritten here): the link in the confirmation mail. GET shows a button;
// POST confirms. A second click says it is confirmed already; an expired link offers a new one by mail.
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { confirmLinkState, confirmSignature, renewSignatureConfirm } from '../../src/signing/signatures.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(
  tokenActionHandlers('confirm', 'signConfirm', {
    run: (db, token) => confirmSignature(db, token),
    shownName: (done) => done.organisationName,
    inspect: (db, token) => confirmLinkState(db, token),
    renew: { action: 'confirm', send: (db, token) => renewSignatureConfirm(db, token) },
  }),
);
