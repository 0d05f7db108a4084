// /forslag-til-chartret/bekraeft/ (rewritten here): the link in the mail that confirms a proposal. GET shows a button; POST confirms.
import { proposalLinkHandlers } from '../../src/charter-proposals/link-pages.ts';
import { confirmProposal } from '../../src/charter-proposals/proposals.ts';
import { routesFor } from '../../src/routes.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';

export const { GET, POST } = endpoints(
  proposalLinkHandlers('proposal-confirm', async (db, token, lang) => {
    const done = await confirmProposal(db, token);
    return done.ok ? { ok: true, next: routesFor(lang).principleProposals(done.principle) } : done;
  }),
);
