// /forslag-til-chartret/stoet/ (rewritten here): the link in the mail that supports a proposal. GET shows a button; POST counts the support.
import { proposalLinkHandlers } from '../../src/charter-proposals/link-pages.ts';
import { confirmSupport } from '../../src/charter-proposals/proposals.ts';
import { routesFor } from '../../src/routes.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(
  proposalLinkHandlers('proposal-support', async (db, token, lang) => {
    const done = await confirmSupport(db, token);
    return done.ok ? { ok: true, next: `${routesFor(lang).principleProposals(done.principle)}#forslag-${done.proposalId}` } : done;
  }),
);
