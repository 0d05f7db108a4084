// /underskriv/traek-tilbage/ (rewritten here): the withdraw link in every mail. GET shows a button; POST withdraws.
import { routes } from '../../src/routes.ts';
import { tokenActionHandlers } from '../../src/platform/http/token-action.ts';
import { withdrawSignature } from '../../src/signing/signatures.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(tokenActionHandlers('withdraw', routes.signWithdraw, (db, token) => withdrawSignature(db, token), (done) => done.organisationName));
