// /underskriv/traek-tilbage/ and /en/sign/withdraw/ (rewritten here): the withdraw link in every mail. GET shows a button; POST withdraws.
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { withdrawLinkState, withdrawSignature } from '../../src/signing/signatures.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(
  tokenActionHandlers('withdraw', 'signWithdraw', {
    run: (db, token) => withdrawSignature(db, token),
    shownName: (done) => done.organisationName,
    inspect: (db, token) => withdrawLinkState(db, token),
  }),
);
