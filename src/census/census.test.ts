import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors.js';
import type { Collectivity, Project } from '../model/schema.js';
import { loadDocument } from '../store/load-document.js';
import { listAudit } from '../accounts/audit.js';
import { ENGINES } from '../test-support/engines.js';
import type { PartnershipEntry } from '../store/records/partnership.js';
import { importDocument } from './import.js';
import { isNamedPerson, redactContacts } from './privacy/index.js';
import {
  AGADIR,
  AGADIR_PARTNERSHIP,
  AGADIR_PROJECT,
  AIX_OUJDA,
  AIX_OUJDA_PROJECT,
  censusDocument,
  censusStore,
  DOCUMENT,
  OUJDA,
} from './testing.js';

describe('isNamedPerson', () => {
  it('is a person whatever the kind, with or without an organisation beside the name', () => {
    for (const contact of [
      { name: 'Driss BOUNAIM', kind: 'other', organization: 'Association Tiflet Al Maamora' },
      { name: 'Robert COMBE', kind: 'other', organization: 'IFAC 38' },
      { name: 'Maryvonne Grunberg', kind: 'other' },
      { name: 'Roseline GIRARD', kind: 'staff' },
      { name: 'SADOCCO', kind: 'staff' },
      { name: 'M. Jean Dupont', organization: 'Jean Dupont' }, // a civility: a person
      { name: 'Mairie de Tiflet', kind: 'elected' }, // an elected member is a person
      { name: '', organization: 'IFAC 38' }, // nothing to tell: a person
    ] as const) {
      expect(isNamedPerson(contact), contact.name).toBe(true);
    }
  });

  it("is not an organisation's or a service's own line", () => {
    for (const contact of [
      { name: 'IFAC 38', kind: 'other', organization: 'IFAC 38' },
      { name: 'IRCOD', organization: 'Institut Régional de Coopération - Développement (IRCOD)' },
      { name: 'Service des relations internationales', kind: 'staff' },
      { name: 'Direction de l’eau', kind: 'other', organization: 'Régie autonome' },
      { name: 'Mairie de Tiflet' },
      { name: 'Hôtel de Ville', organization: 'Ville de Tours' },
    ] as const) {
      expect(isNamedPerson(contact), contact.name).toBe(false);
    }
  });
});

describe.each(ENGINES)('the census on %s', (engine) => {
  async function withCampaign() {
    const ctx = await censusStore(engine);
    const campaign = await ctx.census.campaigns.open(ctx.editor, { title: 'Recensement 2026' });
    return { ...ctx, campaign };
  }

  it("lets Oujda's contributor propose on Oujda, on Aix ⇄ Oujda and its projects, and refuses Agadir's records", async () => {
    const { census, campaign, oujda, editor } = await withCampaign();
    const entries = await census.campaigns.entries(oujda, { campaignId: campaign.id });
    expect(entries.collectivity.recordId).toBe(OUJDA);
    expect(entries.partnerships.map((p) => p.recordId)).toEqual([AIX_OUJDA]);
    expect(entries.partnerships[0]!.projects.map((p) => p.recordId)).toContain(AIX_OUJDA_PROJECT);
    expect(entries.collectivity.version).toBe(1); // the import's version

    const draft = (recordType: 'collectivity' | 'partnership' | 'project', recordId: string, data: unknown, baseVersion = 1) =>
      census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType, recordId, data, baseVersion });
    const own = entries.collectivity.current as Collectivity;
    await expect(draft('collectivity', OUJDA, { ...own, population: 450_000 })).resolves.toMatchObject({ status: 'draft' });
    const partnership = entries.partnerships[0]!.current as PartnershipEntry;
    await expect(draft('partnership', AIX_OUJDA, { ...partnership, history: 'Relations depuis 2002.' })).resolves.toMatchObject({ status: 'draft' });
    const project = entries.partnerships[0]!.projects[0]!.current as Project;
    await expect(draft('project', project.id, { ...project, description: 'Nouveau texte' })).resolves.toMatchObject({ status: 'draft' });
    const added = await census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'project', action: 'create', parentId: AIX_OUJDA, data: { title: 'Jardins partagés', status: 'planned' } });
    expect(added).toMatchObject({ action: 'create', recordId: `${AIX_OUJDA}-jardins-partages`, parentId: AIX_OUJDA });

    const refused = { code: 'forbidden', status: 403 };
    await expect(draft('collectivity', AGADIR, { id: AGADIR, name: 'Agadir', country: 'MA', kind: 'commune-urbaine' })).rejects.toMatchObject(refused);
    await expect(draft('partnership', AGADIR_PARTNERSHIP, { id: AGADIR_PARTNERSHIP, tier: 'brief', parties: [{ collectivityId: AGADIR, country: 'MA' }, { collectivityId: OUJDA, country: 'MA' }] })).rejects.toMatchObject(refused);
    await expect(draft('project', AGADIR_PROJECT, { id: AGADIR_PROJECT, title: 'Eau', status: 'completed' })).rejects.toMatchObject(refused);
    await expect(census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'project', action: 'create', parentId: AGADIR_PARTNERSHIP, data: { title: 'X', status: 'planned' } })).rejects.toMatchObject(refused);
    await expect(census.campaigns.entries(oujda, { campaignId: campaign.id, collectivityId: AGADIR })).rejects.toMatchObject(refused);
    await expect(census.review.queue(oujda)).rejects.toMatchObject(refused);
    await expect(census.history.edit(oujda, { recordType: 'collectivity', recordId: OUJDA, baseVersion: 1, data: own })).rejects.toMatchObject(refused);

    // An editor may propose for any collectivity, and edit anything directly.
    await expect(census.campaigns.saveDraft(editor, { campaignId: campaign.id, collectivityId: AGADIR, recordType: 'project', recordId: AGADIR_PROJECT, data: { id: AGADIR_PROJECT, title: 'Eau', status: 'completed' }, baseVersion: 1 })).resolves.toBeDefined();
  });

  it('validates drafts field by field, in French, keeping what was typed', async () => {
    const { census, campaign, oujda, editor } = await withCampaign();
    const entries = await census.campaigns.entries(oujda, { campaignId: campaign.id });
    const typed = { ...(entries.collectivity.current as Collectivity), population: -3, country: 'Maroc', websites: ['ok', 7] };
    const attempt = census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'collectivity', recordId: OUJDA, data: typed, baseVersion: 1 });
    await expect(attempt).rejects.toMatchObject({ code: 'validation', status: 422, input: typed });
    const error = (await attempt.catch((e: unknown) => e)) as { fieldErrors: Record<string, string> };
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['country', 'population', 'websites[1]']);
    expect(error.fieldErrors.population).toMatch(/Trop petit/);

    const partnership = entries.partnerships[0]!.current as PartnershipEntry;
    const broken = { ...partnership, parties: [partnership.parties[0]!, { collectivityId: OUJDA, country: 'MA' }], domains: ['nulle-part'] };
    await expect(census.history.edit(editor, { recordType: 'partnership', recordId: AIX_OUJDA, baseVersion: 1, data: broken })).rejects.toMatchObject({
      fieldErrors: { 'domains[0]': 'domaine inconnu « nulle-part »' },
    });
  });

  it('runs a campaign: draft → submit → approve → live, with the dashboard following', async () => {
    const { census, campaign, oujda, agadir, editor, accounts, db } = await withCampaign();
    let board = await census.campaigns.dashboard(editor, { campaignId: campaign.id });
    expect(board.rows.find((r) => r.collectivityId === OUJDA)).toMatchObject({ hasAccount: true, neverSignedIn: true, answer: 'none' });
    expect(board.rows.find((r) => r.collectivityId === 'ma-region-oriental')).toMatchObject({ hasAccount: false, neverSignedIn: false, answer: 'none' });

    const entries = await census.campaigns.entries(oujda, { campaignId: campaign.id });
    const proposed = { ...(entries.collectivity.current as Collectivity), population: 494_252, populationYear: 2024 };
    await census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'collectivity', recordId: OUJDA, data: proposed, baseVersion: entries.collectivity.version });
    const project = entries.partnerships[0]!.projects[0]!;
    await census.campaigns.closeProject(oujda, { campaignId: campaign.id, projectId: project.recordId, baseVersion: project.version, endDate: '2010-06' });

    const again = await census.campaigns.entries(oujda, { campaignId: campaign.id });
    expect(again.answer).toBe('draft');
    expect(again.collectivity.form).toEqual(proposed);
    expect(again.collectivity.draft).toMatchObject({ status: 'draft', authorName: 'Karim Oujda' });
    expect(await census.review.queue(editor)).toEqual([]); // drafts are not in the queue

    await expect(census.campaigns.submit(oujda, { campaignId: campaign.id })).resolves.toEqual({ submitted: 2 });
    await census.campaigns.submit(agadir, { campaignId: campaign.id }); // "nothing to change"
    board = await census.campaigns.dashboard(editor, { campaignId: campaign.id });
    expect(board.rows.find((r) => r.collectivityId === OUJDA)).toMatchObject({ answer: 'submitted', proposals: { submitted: 2 } });
    expect(board.rows.find((r) => r.collectivityId === AGADIR)).toMatchObject({ answer: 'submitted', proposals: { submitted: 0 } });
    expect(board.totals).toMatchObject({ collectivities: 4, withAccount: 2, submitted: 2, none: 2, neverSignedIn: 2 });

    const queue = await census.review.queue(editor, { campaignId: campaign.id });
    expect(queue.map((q) => [q.recordType, q.collectivityName, q.stale])).toEqual([
      ['collectivity', "Commune urbaine d'Oujda", false],
      ['project', "Commune urbaine d'Oujda", false],
    ]);
    const review = await census.review.review(editor, { proposalId: queue[0]!.id });
    expect(review.changes).toEqual([
      { field: 'population', kind: 'added', after: 494_252 },
      { field: 'populationYear', kind: 'added', after: 2024 },
    ]);
    const closing = await census.review.review(editor, { proposalId: queue[1]!.id });
    expect(closing.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['status', 'ongoing', 'completed'],
      ['endDate', '2009-07', '2010-06'],
    ]);

    const approved = await census.review.approve(editor, { proposalId: queue[0]!.id });
    expect(approved).toMatchObject({ version: 2, proposal: { status: 'approved', decidedByName: 'Éric Éditeur', appliedVersion: 2 } });
    await census.review.approve(editor, { proposalId: queue[1]!.id });
    const live = await loadDocument(db);
    expect(live.collectivities.find((c) => c.id === OUJDA)).toEqual(proposed);
    expect(live.partnerships.find((p) => p.id === AIX_OUJDA)!.projects!.find((p) => p.id === project.recordId)).toMatchObject({ status: 'completed', endDate: '2010-06' });
    const versions = await census.history.versions(editor, { recordType: 'collectivity', recordId: OUJDA });
    expect(versions.map((v) => [v.version, v.origin.kind, v.origin.ref, v.by])).toEqual([
      [1, 'import', DOCUMENT, undefined],
      [2, 'campaign', campaign.id, 'Karim Oujda'],
    ]);
    expect((await listAudit(db, { action: 'proposal.approve' })).length).toBe(2);
    await expect(census.review.approve(editor, { proposalId: queue[0]!.id })).rejects.toMatchObject({ code: 'conflict' });

    // The contributor signs in: the dashboard no longer says "never signed in".
    const invited = await accounts.inviteAgain('staff@oujda.ma');
    await accounts.acceptInvitation({ token: invited.link.split('/invitation/')[1]!, password: 'a long enough password' });
    await accounts.signIn({ email: 'staff@oujda.ma', password: 'a long enough password' });
    board = await census.campaigns.dashboard(editor, { campaignId: campaign.id });
    expect(board.rows.find((r) => r.collectivityId === OUJDA)).toMatchObject({ neverSignedIn: false });
  });

  it('rejects with a comment the contributor sees (and is told by mail); edits then approves', async () => {
    const { census, campaign, oujda, editor, db, mail } = await withCampaign();
    const entries = await census.campaigns.entries(oujda, { campaignId: campaign.id });
    const partnership = entries.partnerships[0]!;
    await census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'partnership', recordId: AIX_OUJDA, data: { ...partnership.current, history: 'Faux' }, baseVersion: partnership.version });
    const own = entries.collectivity;
    await census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'collectivity', recordId: OUJDA, data: { ...own.current, shortName: 'Oujdaa' }, baseVersion: own.version });
    await census.campaigns.submit(oujda, { campaignId: campaign.id });
    const [first, second] = await census.review.queue(editor);

    await expect(census.review.reject(editor, { proposalId: first!.id, comment: '  ' })).rejects.toMatchObject({ fieldErrors: { comment: 'Commentaire : champ obligatoire.' } });
    await census.review.reject(editor, { proposalId: first!.id, comment: 'La date de 2002 est attestée : gardons l’historique.' });
    const mine = await census.campaigns.proposals(oujda, { campaignId: campaign.id });
    expect(mine.find((p) => p.id === first!.id)).toMatchObject({ status: 'rejected', comment: 'La date de 2002 est attestée : gardons l’historique.', decidedByName: 'Éric Éditeur' });
    const after = await census.campaigns.entries(oujda, { campaignId: campaign.id });
    expect(after.partnerships[0]!.decided).toMatchObject({ status: 'rejected', comment: expect.stringContaining('2002') });
    expect(after.partnerships[0]!.form).toEqual(partnership.current);
    expect(mail.sent.at(-1)).toMatchObject({ kind: 'review-decision', to: 'staff@oujda.ma', decision: 'rejected', comment: expect.stringContaining('2002'), campaignId: campaign.id, recordId: first!.recordId });

    await census.review.approve(editor, { proposalId: second!.id, data: { ...own.current, shortName: 'Oujda', aliases: ['Oujda-Angad'] } });
    expect(mail.sent.at(-1)).toMatchObject({ kind: 'review-decision', to: 'staff@oujda.ma', decision: 'approved', recordId: second!.recordId });
    const live = (await loadDocument(db)).collectivities.find((c) => c.id === OUJDA)!;
    expect(live).toMatchObject({ shortName: 'Oujda', aliases: ['Oujda-Angad'] });
    const versions = await census.history.versions(editor, { recordType: 'collectivity', recordId: OUJDA });
    expect(versions.at(-1)).toMatchObject({ origin: { kind: 'campaign', userId: editor.id }, by: 'Éric Éditeur' });
  });

  it('refuses the second of two saves based on the same version, with both versions', async () => {
    const { census, editor, admin, campaign, oujda, db } = await withCampaign();
    const current = await census.history.current({ recordType: 'collectivity', recordId: OUJDA });
    const mine = { ...(current.data as Collectivity), region: "L'Oriental" };
    const theirs = { ...(current.data as Collectivity), region: 'Oriental (région)' };
    await census.history.edit(editor, { recordType: 'collectivity', recordId: OUJDA, baseVersion: current.version, data: theirs });
    const attempt = census.history.edit(admin, { recordType: 'collectivity', recordId: OUJDA, baseVersion: current.version, data: mine });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await attempt.catch((e: unknown) => e)) as ConflictError;
    expect(conflict).toMatchObject({ code: 'conflict', status: 409, theirs: { version: 2, data: theirs, by: 'Éric Éditeur' }, yours: { version: 1, data: mine } });
    expect((await loadDocument(db)).collectivities.find((c) => c.id === OUJDA)).toEqual(theirs);

    // The same for a contributor's draft based on the old version, and for approving a stale proposal.
    await expect(census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'collectivity', recordId: OUJDA, data: mine, baseVersion: 1 })).rejects.toBeInstanceOf(ConflictError);
    await census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'collectivity', recordId: OUJDA, data: mine, baseVersion: 2 });
    await census.campaigns.submit(oujda, { campaignId: campaign.id });
    await census.history.edit(editor, { recordType: 'collectivity', recordId: OUJDA, baseVersion: 2, data: { ...theirs, kind: 'commune' } });
    const [stale] = await census.review.queue(editor);
    expect(stale).toMatchObject({ stale: true, baseVersion: 2, currentVersion: 3 });
    const review = await census.review.review(editor, { proposalId: stale!.id });
    expect(review.changedSince).toEqual([{ field: 'kind', kind: 'changed', before: 'commune-urbaine', after: 'commune' }]);
    await expect(census.review.approve(editor, { proposalId: stale!.id })).rejects.toMatchObject({ code: 'conflict', theirs: { version: 3 }, yours: { version: 2 } });
    // The editor merges and approves on the current version.
    await census.review.approve(editor, { proposalId: stale!.id, baseVersion: 3, data: { ...mine, kind: 'commune' } });
    expect((await loadDocument(db)).collectivities.find((c) => c.id === OUJDA)).toMatchObject({ region: "L'Oriental", kind: 'commune' });
  });

  it('keeps every version, diffs any two (lists item by item), and reverts as a new version', async () => {
    const { census, editor, oujda, agadir } = await withCampaign();
    const ref = { recordType: 'partnership' as const, recordId: AIX_OUJDA };
    const v1 = await census.history.current(ref);
    const data = structuredClone(v1.data) as PartnershipEntry;
    data.contacts = [...data.contacts!.slice(1), { name: 'Nadia Benali', kind: 'staff', role: 'Chargée de mission', emails: ['n.benali@oujda.ma'] }];
    data.contacts[0] = { ...data.contacts[0]!, role: 'Directeur' };
    data.signedDate = '2004-02-13';
    await census.history.edit(editor, { ...ref, baseVersion: 1, data });

    const diff = await census.history.diff(editor, { ...ref, from: 1, to: 2 });
    expect(diff.from).toMatchObject({ version: 1, origin: { kind: 'import', ref: DOCUMENT } });
    expect(diff.to).toMatchObject({ version: 2, origin: { kind: 'edit' }, by: 'Éric Éditeur' });
    expect(diff.changes.map((c) => c.field)).toEqual(['signedDate', 'contacts']);
    const contacts = diff.changes[1]!.list!;
    expect(contacts.added).toEqual([expect.objectContaining({ name: 'Nadia Benali' })]);
    expect(contacts.removed).toEqual([(v1.data as PartnershipEntry).contacts![0]]);
    expect(contacts.changed).toHaveLength(1);
    expect(contacts.changed[0]!.fields.map((f) => f.field)).toEqual(['role']);

    const reverted = await census.history.revert(editor, { ...ref, version: 1, baseVersion: 2 });
    expect(reverted.version).toBe(3);
    expect((await census.history.current(ref)).data).toEqual(v1.data);
    const versions = await census.history.versions(oujda, ref); // a party's contributor may read it
    expect(versions.map((v) => [v.version, v.origin.kind, v.origin.ref])).toEqual([
      [1, 'import', DOCUMENT],
      [2, 'edit', undefined],
      [3, 'revert', 'version 1'],
    ]);
    expect((await census.history.diff(editor, { ...ref, from: 1, to: 3 })).changes).toEqual([]);
    await expect(census.history.versions(agadir, ref)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(census.history.revert(editor, { ...ref, version: 1, baseVersion: 2 })).rejects.toBeInstanceOf(ConflictError);

    // Removing and reverting the removal: the record and its projects come back.
    const project = await census.history.current({ recordType: 'project', recordId: AGADIR_PROJECT });
    await census.history.edit(editor, { recordType: 'project', recordId: AGADIR_PROJECT, baseVersion: project.version, action: 'remove' });
    expect((await census.history.versions(editor, { recordType: 'project', recordId: AGADIR_PROJECT })).at(-1)).toMatchObject({ removed: true, data: undefined });
    await census.history.revert(editor, { recordType: 'project', recordId: AGADIR_PROJECT, version: project.version, baseVersion: project.version + 1 });
    expect((await census.history.current({ recordType: 'project', recordId: AGADIR_PROJECT })).parentId).toBe(AGADIR_PARTNERSHIP);
  });

  it('re-imports without overwriting edits: the edit stays and the import becomes a proposal', async () => {
    const { census, editor, db } = await withCampaign();
    const oujda = await census.history.current({ recordType: 'collectivity', recordId: OUJDA });
    const corrected = { ...(oujda.data as Collectivity), name: 'Commune d’Oujda' };
    await census.history.edit(editor, { recordType: 'collectivity', recordId: OUJDA, baseVersion: 1, data: corrected });

    // A newer edition: it changes an edited record, and a record never edited.
    const edition = censusDocument();
    edition.collectivities.find((c) => c.id === OUJDA)!.population = 500_000;
    edition.collectivities.find((c) => c.id === AGADIR)!.population = 421_844;
    const result = await importDocument(db, edition, { documentName: 'repertoire-2009.json' });
    expect(result).toMatchObject({ mode: 'respecting-edits', proposals: 1, batch: expect.stringContaining('repertoire-2009.json') });
    const live = await loadDocument(db);
    expect(live.collectivities.find((c) => c.id === OUJDA)).toEqual(corrected);
    expect(live.collectivities.find((c) => c.id === AGADIR)!.population).toBe(421_844);

    const [proposal] = await census.review.queue(editor, { originKind: 'import' });
    expect(proposal).toMatchObject({ recordType: 'collectivity', recordId: OUJDA, action: 'update', batch: result.batch, baseVersion: 2 });
    const review = await census.review.review(editor, { proposalId: proposal!.id });
    expect(review.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['name', 'Commune d’Oujda', "Commune urbaine d'Oujda"],
      ['population', undefined, 500_000],
    ]);
    expect(await census.review.batches(editor)).toEqual([{ batch: result.batch, pending: 1 }]);

    // The same edition again: nothing new for the queue; and the original document: the edit still stays.
    expect(await importDocument(db, edition, { documentName: 'repertoire-2009.json' })).toMatchObject({ proposals: 0 });
    await importDocument(db, censusDocument(), { documentName: DOCUMENT });
    expect((await loadDocument(db)).collectivities.find((c) => c.id === OUJDA)).toEqual(corrected);
    expect((await census.review.queue(editor, { originKind: 'import' })).length).toBe(2);

    // The editor takes the import's name and population: the record is the import's again, and later imports update it.
    await census.review.approve(editor, { proposalId: proposal!.id });
    expect((await census.history.versions(editor, { recordType: 'collectivity', recordId: OUJDA })).at(-1)).toMatchObject({ origin: { kind: 'import', ref: result.batch } });
  });

  it('keeps named people’s coordinates for signed-in users unless they consented; exports and erases a person', async () => {
    const { census, admin, editor, db } = await withCampaign();
    const agadirContacts = (await loadDocument(db)).partnerships.find((p) => p.id === AGADIR_PARTNERSHIP)!.contacts!;
    const institutional = { name: 'Direction de l’eau', kind: 'other' as const, organization: 'Régie autonome', phones: ['+212 5 28 11 11 11'] };
    const contacts = [...agadirContacts, institutional];

    const anonymous = redactContacts(contacts, null, await census.privacy.consents());
    expect(anonymous[0]).toEqual({ name: 'Fatima Zahra', kind: 'staff', collectivityId: AGADIR, restricted: true });
    expect(anonymous[1]).toEqual({ ...institutional, restricted: false });
    expect(redactContacts(contacts, { actor: editor })[0]).toMatchObject({ phones: ['+212 5 28 00 00 00'], restricted: false });

    await census.privacy.setConsent(editor, { name: 'Mme Fatima ZAHRA', collectivityId: AGADIR, publish: true, note: 'courriel du 3 mars' });
    await importDocument(db, censusDocument(), { documentName: DOCUMENT }); // consents survive re-imports
    expect(redactContacts(contacts, null, await census.privacy.consents())[0]).toMatchObject({ emails: ['f.zahra@agadir.ma'], restricted: false });

    await expect(census.privacy.exportPerson(editor, { name: 'Fatima Zahra' })).rejects.toMatchObject({ code: 'forbidden' });
    const exported = await census.privacy.exportPerson(admin, { name: 'Fatima Zahra', collectivityId: AGADIR });
    expect(exported.contacts).toEqual([{ partnershipId: AGADIR_PARTNERSHIP, position: 0, contact: agadirContacts[0] }]);
    expect(exported.consent).toMatchObject({ publish: true, note: 'courriel du 3 mars' });
    expect(exported.versions).toEqual([expect.objectContaining({ recordType: 'partnership', recordId: AGADIR_PARTNERSHIP, version: 1 })]);
    expect(exported.audit.map((e) => e.action)).toEqual(['consent.set']);

    expect(await census.privacy.erasePerson(admin, { name: 'Fatima Zahra', collectivityId: AGADIR })).toEqual({ contacts: 1, versions: 1, proposals: 0 }); // the import's version held them
    const after = await loadDocument(db);
    expect(after.partnerships.find((p) => p.id === AGADIR_PARTNERSHIP)!.contacts).toBeUndefined();
    const stored = await db.selectFrom('record_versions').select('data').execute();
    expect(JSON.stringify(stored)).not.toContain('Zahra');
    expect(JSON.stringify(await db.selectFrom('audit_events').selectAll().execute())).not.toMatch(/zahra/i);
    expect(await db.selectFrom('consents').selectAll().execute()).toEqual([]);
    const [erasure] = await listAudit(db, { action: 'person.erase' });
    expect(erasure).toMatchObject({ actorId: admin.id, subjectType: 'person', details: { contacts: 1 } });

    // Re-importing the directory does not bring them back.
    await importDocument(db, censusDocument(), { documentName: DOCUMENT });
    expect(JSON.stringify(await loadDocument(db))).not.toContain('Zahra');
  });
});
