/** Partner-search notices in the store, on both engines: publish, approve, shown until their day, answered once a day. */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../accounts/audit.js';
import { defaultProfiles } from '../profiles/profiles.js';
import { readStamp } from '../store/stamp.js';
import { ENGINES } from '../test-support/engines.js';
import { createNoticeService, shownNotice, shownNotices } from './partner-notice-service.js';
import { dayOf, matches } from './partner-notices.js';
import { AIX, censusStore, OUJDA } from './testing.js';

const DAY = 24 * 60 * 60_000;
const DIRECTORY = 'franco-marocain-2008';
const names = { collectivity: (id: string) => (id === OUJDA ? 'Oujda' : id) };

/** What Oujda seeks: a French commune in Provence-Alpes-Côte d'Azur, for urban development. */
const SEEKING = {
  domains: ['developpement-urbain'],
  partnerCountry: 'FR',
  partnerKind: 'commune',
  partnerRegion: 'provence-alpes-cote-d-azur',
  description: 'Nous cherchons une commune française pour un programme de rénovation urbaine.',
  until: '2026-04-30',
};

describe.each(ENGINES)('partner-search notices on %s', (engine) => {
  it('are published by a contributor for its collectivity, public once approved, until their last day', async () => {
    const { db, clock, mail, oujda, agadir, editor } = await censusStore(engine);
    const notices = createNoticeService({ db, now: clock, mail });
    const today = () => dayOf(clock());

    const notice = await notices.publish(oujda, { ...SEEKING, collectivityId: AIX });
    // a contributor publishes for its own collectivity, whatever the form says
    expect(notice).toMatchObject({ collectivityId: OUJDA, directoryId: DIRECTORY, status: 'pending', domains: ['developpement-urbain'], partnerRegion: 'provence-alpes-cote-d-azur' });
    expect(await shownNotices(db, DIRECTORY, today())).toEqual([]);
    await expect(notices.approve(oujda, notice.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await notices.queue(editor)).map((n) => n.id)).toEqual([notice.id]);

    const stamp = await readStamp(db);
    await notices.approve(editor, notice.id);
    // approving changes what the pages show: the store's stamp moves
    expect(await readStamp(db)).not.toBe(stamp);
    expect((await shownNotices(db, DIRECTORY, today())).map((n) => n.id)).toEqual([notice.id]);
    expect((await shownNotices(db, DIRECTORY, today(), { domain: 'culture' })).length).toBe(0);
    expect((await shownNotices(db, DIRECTORY, today(), { q: 'RENOVATION' })).length).toBe(1);
    expect((await shownNotices(db, DIRECTORY, today(), { q: 'jumelage' })).length).toBe(0);
    await expect(notices.approve(editor, notice.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await listAudit(db, { subjectType: 'notice' })).map((e) => e.action)).toEqual(['notice.approve', 'notice.publish']);

    // shown through its last day, not the day after
    clock.advance(Date.parse('2026-04-30T23:00:00Z') - clock().getTime());
    expect(await shownNotice(db, DIRECTORY, notice.id, today())).toBeDefined();
    clock.advance(2 * 60 * 60_000);
    expect(await shownNotice(db, DIRECTORY, notice.id, today())).toBeUndefined();
    expect(await shownNotices(db, DIRECTORY, today())).toEqual([]);

    // another contributor cannot withdraw it; an editor rejects a pending one with a comment
    await expect(notices.withdraw(agadir, notice.id)).rejects.toMatchObject({ code: 'forbidden' });
    const second = await notices.publish(editor, { ...SEEKING, collectivityId: OUJDA, until: '2026-06-01' });
    expect((await notices.reject(editor, second.id, { comment: 'Trop vague' })).reviewComment).toBe('Trop vague');
    expect(mail.sent.filter((l) => l.kind === 'notice-answer')).toEqual([]);
  });

  it('refuses a notice field by field and stores nothing', async () => {
    const { db, clock, oujda } = await censusStore(engine);
    const notices = createNoticeService({ db, now: clock });
    const error = await notices
      .publish(oujda, { domains: ['nope'], partnerCountry: 'SN', partnerKind: 'x', description: 'court', until: '2026-03-01' })
      .then(
        () => ({ fieldErrors: {} }),
        (e: unknown) => e as { fieldErrors: Record<string, string> },
      );
    expect(error.fieldErrors).toEqual({
      domains: 'Domaine inconnu de ce répertoire.',
      partnerCountry: 'Pays qui n’est pas l’un de ceux du répertoire.',
      partnerKind: 'Type de collectivité inconnu pour ce pays.',
      description: 'Au moins 20 caractères.',
      until: 'La date est passée.',
    });
    await expect(notices.publish(oujda, { ...SEEKING, until: '2026-02-30' })).rejects.toMatchObject({ fieldErrors: { until: 'Date attendue (AAAA-MM-JJ).' } });
    await expect(notices.publish(oujda, { ...SEEKING, until: '2028-01-01' })).rejects.toMatchObject({ fieldErrors: { until: 'Au plus 366 jours à partir d’aujourd’hui.' } });
    await expect(notices.publish(undefined, SEEKING)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await db.selectFrom('partner_notices').select('id').execute()).toEqual([]);
  });

  it('mails an answer to the author with Reply-To the member, once a day per member', async () => {
    const { db, clock, mail, oujda, agadir, editor } = await censusStore(engine);
    const notices = createNoticeService({ db, now: clock, mail });
    const notice = await notices.publish(oujda, SEEKING);
    const message = 'Agadir travaille aussi sur la rénovation urbaine : parlons-en.';
    // not shown yet: no answer
    await expect(notices.answer(agadir, notice.id, { message }, names)).rejects.toMatchObject({ code: 'not-found' });
    await notices.approve(editor, notice.id);
    await expect(notices.answer(oujda, notice.id, { message }, names)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(notices.answer(agadir, notice.id, { message: 'trop court' }, names)).rejects.toMatchObject({ code: 'validation' });
    await notices.answer(agadir, notice.id, { message }, names);
    expect(mail.sent.filter((l) => l.kind === 'notice-answer')).toEqual([
      // in the author's language (the account's; French by default)
      { kind: 'notice-answer', language: 'fr', to: 'staff@oujda.ma', name: 'Karim Oujda', replyTo: 'staff@agadir.ma', fromName: 'Samira Agadir', fromCollectivity: 'ma-commune-agadir', noticeId: notice.id, collectivityName: 'Oujda', message },
    ]);
    await expect(notices.answer(agadir, notice.id, { message }, names)).rejects.toMatchObject({ code: 'rate-limited' });
    clock.advance(DAY);
    await notices.answer(agadir, notice.id, { message }, names);
    expect((await listAudit(db, { action: 'notice.answer' })).length).toBe(2);
    // the message is not kept in the store
    expect(JSON.stringify(await db.selectFrom('partner_notice_answers').selectAll().execute())).not.toContain('rénovation');
    // withdrawn by its collectivity: who approved it stays, and it is answered no more
    const withdrawn = await notices.withdraw(oujda, notice.id);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', decidedBy: editor.id });
    clock.advance(DAY);
    await expect(notices.answer(agadir, notice.id, { message }, names)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('which collectivities a notice looks for', () => {
  const profiles = defaultProfiles();
  const notice = { collectivityId: OUJDA, partnerCountry: 'FR', partnerKind: 'commune', partnerRegion: 'provence-alpes-cote-d-azur', domains: ['developpement-urbain'] };
  const aix = { id: AIX, country: 'FR', kind: 'commune', region: "Provence-Alpes-Côte d'Azur" };

  it('matches on country, kind, region and domains, and never the publisher', () => {
    expect(matches(notice, aix, new Set(['developpement-urbain']), profiles)).toBe(true);
    // no domain on record: kind and region decide
    expect(matches(notice, aix, new Set(), profiles)).toBe(true);
    expect(matches(notice, aix, new Set(['culture']), profiles)).toBe(false);
    expect(matches(notice, { ...aix, region: 'Alsace' }, new Set(), profiles)).toBe(false);
    expect(matches(notice, { ...aix, kind: 'departement' }, new Set(), profiles)).toBe(false);
    expect(matches({ ...notice, partnerKind: undefined, partnerRegion: undefined }, { ...aix, kind: 'region', region: undefined }, new Set(), profiles)).toBe(true);
    expect(matches(notice, { ...aix, id: OUJDA }, new Set(), profiles)).toBe(false);
    expect(matches(notice, { ...aix, country: 'MA' }, new Set(), profiles)).toBe(false);
  });
});
