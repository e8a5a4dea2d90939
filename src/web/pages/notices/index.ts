import { definePage } from '../../page.js';
import { NoticePageView, NoticesView, noticePageView, noticesView } from './data.js';
import { renderNotice, renderNotices } from './render.js';

export const noticesPage = definePage({
  name: 'NoticesView',
  path: '/recherches-de-partenaires',
  summary: 'Partner-search notices: what collectivities seek (domains, the kind, country and region of a partner), approved by an editor and not past their last day; of a domain, with words of their description when asked. No author or address: answers go by mail through the members’ form',
  schema: NoticesView,
  dated: true,
  parameters: [
    { name: 'domain', in: 'query', description: 'a domain code: only notices seeking it', schema: { type: 'string' } },
    { name: 'q', in: 'query', description: 'words that every notice shown has in its description (accents and case aside)', schema: { type: 'string' } },
  ],
  load: async ({ directory, db, query, clock }) => noticesView(await directory(), db, query, clock),
  render: renderNotices,
});

export const noticePage = definePage({
  name: 'NoticePageView',
  path: '/recherches-de-partenaires/:id',
  summary: 'One partner-search notice, while it is shown (approved, not past its last day); 404 otherwise',
  schema: NoticePageView,
  dated: true,
  parameters: [{ name: 'id', in: 'path', required: true, description: 'the notice id', schema: { type: 'string' } }],
  load: async ({ directory, db, params, clock }) => noticePageView(await directory(), db, params.id ?? '', clock),
  render: renderNotice,
});
