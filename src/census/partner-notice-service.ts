/**
 * Partner-search notices in the store, and who may do what with them:
 *
 * - a contributor publishes for its own collectivity, an editor for any one of the directory;
 *   a notice waits for an editor's approval (`pending`) before the public sees it;
 * - editors approve or reject (with a comment); the author or an editor withdraws;
 * - a signed-in member answers a shown notice: the message goes by mail to the notice's author,
 *   Reply-To the member, once a day at most per member and notice; no address is ever shown.
 *
 * Every decision is audited; approving and withdrawing change what the public pages show, so
 * their audit events move the store's stamp (store/stamp.ts) and the pages are drawn again.
 * Reads for the public pages (`shownNotices`, `shownNotice`) take the day: a notice past its
 * `until` is simply not read.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../accounts/audit.js';
import { forbidden, isEditor, requireEditor, requireSignedIn, type Actor } from '../accounts/roles.js';
import { fieldError, parseInput } from '../accounts/validation.js';
import { RepertoireError } from '../errors.js';
import { defaultProfiles, type Profiles } from '../profiles/profiles.js';
import { decodeJson, encodeJson } from '../store/codec.js';
import type { Database, PartnerNoticeTable } from '../store/tables.js';
import { foldKey } from '../text/fold.js';
import { clockOf, directoryOf, postmanOf, type CensusDeps } from './context.js';
import { sendOrRecord } from './notices.js';
import { ANSWER_LENGTH, checkNotice, dayOf, isShown, NOTICE_ERRORS, type NoticeStatus, type PartnerNotice } from './partner-notices.js';

function noticeFrom(row: Selectable<PartnerNoticeTable>): PartnerNotice {
  const notice: PartnerNotice = {
    id: row.id,
    directoryId: row.directory_id,
    collectivityId: row.collectivity_id,
    domains: decodeJson<string[]>(row.domains) ?? [],
    partnerCountry: row.partner_country,
    description: row.description,
    until: row.until,
    status: row.status as NoticeStatus,
    createdAt: row.created_at,
  };
  if (row.author_id !== null) notice.authorId = row.author_id;
  if (row.partner_kind !== null) notice.partnerKind = row.partner_kind;
  if (row.partner_region !== null) notice.partnerRegion = row.partner_region;
  if (row.decided_by !== null) notice.decidedBy = row.decided_by;
  if (row.decided_at !== null) notice.decidedAt = row.decided_at;
  if (row.review_comment !== null) notice.reviewComment = row.review_comment;
  return notice;
}

export interface NoticeFilter {
  /** only notices seeking this domain */
  domain?: string | undefined;
  /** words of the description (folded: accents and case aside) */
  q?: string | undefined;
  collectivityId?: string | undefined;
}

/** The notices the public sees on `today`, of the directory: the latest approved first. */
export async function shownNotices(db: Kysely<Database>, directoryId: string, today: string, filter: NoticeFilter = {}): Promise<PartnerNotice[]> {
  let query = db.selectFrom('partner_notices').selectAll().where('directory_id', '=', directoryId).where('status', '=', 'approved').where('until', '>=', today);
  if (filter.collectivityId !== undefined) query = query.where('collectivity_id', '=', filter.collectivityId);
  const rows = await query.orderBy('decided_at', 'desc').orderBy('id').execute();
  const words = filter.q === undefined ? [] : foldKey(filter.q).split(/\s+/).filter((w) => w !== '');
  return rows
    .map(noticeFrom)
    .filter((n) => filter.domain === undefined || n.domains.includes(filter.domain))
    .filter((n) => words.length === 0 || words.every((w) => foldKey(n.description).includes(w)));
}

/** One notice as the public sees it on `today`, or undefined (unknown, not approved, past). */
export async function shownNotice(db: Kysely<Database>, directoryId: string, id: string, today: string): Promise<PartnerNotice | undefined> {
  const row = await db.selectFrom('partner_notices').selectAll().where('id', '=', id).where('directory_id', '=', directoryId).executeTakeFirst();
  const notice = row === undefined ? undefined : noticeFrom(row);
  return notice !== undefined && isShown(notice, today) ? notice : undefined;
}

const AnswerInput = z.object({ message: z.string().trim().min(ANSWER_LENGTH.min).max(ANSWER_LENGTH.max) });
const RejectInput = z.object({ comment: z.string().trim().max(2000).optional() });

export function createNoticeService(deps: CensusDeps & { profiles?: Profiles }) {
  const { db } = deps;
  const now = clockOf(deps);
  const mail = postmanOf(deps);
  const profiles = () => deps.profiles ?? defaultProfiles();

  const read = async (id: string): Promise<PartnerNotice> => {
    const row = await db.selectFrom('partner_notices').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new RepertoireError('not-found', `Annonce inconnue : « ${id} ».`, 404, { wording: { key: 'failure.notice.unknown', params: { id } } });
    return noticeFrom(row);
  };

  /** A contributor works in its own directory; an editor in the site's default one. */
  const directoryOfActor = async (actor: Actor) => directoryOf(deps, isEditor(actor) ? undefined : actor.directoryId);

  const decide = async (actor: Actor, id: string, status: 'approved' | 'rejected' | 'withdrawn', comment?: string) => {
    const notice = await read(id);
    const allowed = status === 'withdrawn' ? notice.status === 'pending' || notice.status === 'approved' : notice.status === 'pending';
    if (!allowed) throw new RepertoireError('conflict', 'Cette annonce a déjà été traitée.', 409, { wording: { key: 'failure.notice.decided' } });
    const at = now();
    await db.transaction().execute(async (trx) => {
      // a withdrawal keeps who approved it and when; the audit log says who withdrew it
      const decision = status === 'withdrawn' ? {} : { decided_by: actor.id, decided_at: at.toISOString(), review_comment: comment ?? null };
      await trx
        .updateTable('partner_notices')
        .set({ status, ...decision })
        .where('id', '=', id)
        .execute();
      const action = status === 'approved' ? 'notice.approve' : status === 'rejected' ? 'notice.reject' : 'notice.withdraw';
      await recordAudit(trx, { action, actorId: actor.id, directoryId: notice.directoryId, subjectType: 'notice', subjectId: id, details: { collectivityId: notice.collectivityId } }, at);
    });
    return read(id);
  };

  return {
    /** A notice as the public sees it today (the service's clock), or undefined. */
    async shown(directoryId: string, id: string): Promise<PartnerNotice | undefined> {
      return shownNotice(db, directoryId, id, dayOf(now()));
    },

    /** A notice shown today, of whichever directory: its id says which (the members' pages serve every directory's notices). */
    async shownAnywhere(id: string): Promise<PartnerNotice | undefined> {
      const row = await db.selectFrom('partner_notices').select('directory_id').where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : shownNotice(db, row.directory_id, id, dayOf(now()));
    },

    /** Publishes a notice, to be approved: a contributor's for its collectivity, an editor's for the one named. */
    async publish(actor: Actor | undefined, raw: unknown): Promise<PartnerNotice> {
      const who = requireSignedIn(actor);
      if (!isEditor(who) && (who.role !== 'contributor' || who.collectivityId === undefined)) throw forbidden('Seuls les contributeurs d’une collectivité et les éditeurs publient des annonces.', 'failure.forbidden.noticePublish');
      const directoryId = await directoryOfActor(who);
      const [domains, directory] = await Promise.all([
        db.selectFrom('domains').select('code').where('directory_id', '=', directoryId).execute(),
        db.selectFrom('directories').select('countries').where('id', '=', directoryId).executeTakeFirst(),
      ]);
      const at = now();
      const checked = checkNotice(raw, { domains: new Set(domains.map((d) => d.code)), countries: decodeJson<string[]>(directory?.countries) ?? [] }, profiles(), dayOf(at));
      const collectivityId = isEditor(who) ? checked.collectivityId : who.collectivityId;
      if (collectivityId === undefined) throw fieldError('collectivityId', NOTICE_ERRORS.required, raw);
      const known = await db.selectFrom('collectivities').select('id').where('directory_id', '=', directoryId).where('id', '=', collectivityId).executeTakeFirst();
      if (known === undefined) throw fieldError('collectivityId', NOTICE_ERRORS.unknownCollectivity, raw);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('partner_notices')
          .values({
            id,
            directory_id: directoryId,
            collectivity_id: collectivityId,
            author_id: who.id === 'cli' ? null : who.id,
            domains: encodeJson(checked.domains) ?? '[]',
            partner_country: checked.partnerCountry,
            partner_kind: checked.partnerKind ?? null,
            partner_region: checked.partnerRegion ?? null,
            description: checked.description,
            until: checked.until,
            status: 'pending',
            decided_by: null,
            decided_at: null,
            review_comment: null,
            created_at: at.toISOString(),
          })
          .execute();
        await recordAudit(trx, { action: 'notice.publish', actorId: who.id, directoryId, subjectType: 'notice', subjectId: id, details: { collectivityId } }, at);
      });
      return read(id);
    },

    /** The notices waiting for an editor, oldest first. */
    async queue(actor: Actor | undefined): Promise<PartnerNotice[]> {
      const editor = requireEditor(actor);
      const directoryId = await directoryOfActor(editor);
      const rows = await db.selectFrom('partner_notices').selectAll().where('directory_id', '=', directoryId).where('status', '=', 'pending').orderBy('created_at').orderBy('id').execute();
      return rows.map(noticeFrom);
    },

    /** The notices of the actor's collectivity (an editor: of the collectivity named), every status, newest first. */
    async ofCollectivity(actor: Actor | undefined, collectivityId?: string): Promise<PartnerNotice[]> {
      const who = requireSignedIn(actor);
      const own = isEditor(who) ? collectivityId : who.collectivityId;
      if (own === undefined) return [];
      const rows = await db.selectFrom('partner_notices').selectAll().where('collectivity_id', '=', own).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(noticeFrom);
    },

    async approve(actor: Actor | undefined, id: string): Promise<PartnerNotice> {
      return decide(requireEditor(actor), id, 'approved');
    },

    async reject(actor: Actor | undefined, id: string, raw: unknown = {}): Promise<PartnerNotice> {
      const editor = requireEditor(actor);
      const { comment } = parseInput(RejectInput, raw);
      return decide(editor, id, 'rejected', comment === '' ? undefined : comment);
    },

    /** Withdrawn by its author (a contributor of its collectivity) or an editor. */
    async withdraw(actor: Actor | undefined, id: string): Promise<PartnerNotice> {
      const who = requireSignedIn(actor);
      const notice = await read(id);
      if (!isEditor(who) && who.collectivityId !== notice.collectivityId) throw forbidden('Seuls la collectivité de l’annonce et les éditeurs la retirent.', 'failure.forbidden.noticeWithdraw');
      return decide(who, id, 'withdrawn');
    },

    /**
     * A member's answer, mailed to the notice's author with Reply-To the member: once a day per
     * member and notice (the row is the guard, taken before the mail goes; a mail that fails gives
     * the day back). The message is not stored.
     */
    async answer(actor: Actor | undefined, id: string, raw: unknown, names: { collectivity: (id: string) => string }): Promise<void> {
      const who = requireSignedIn(actor);
      const { message } = parseInput(AnswerInput, raw);
      const at = now();
      const notice = await read(id);
      if (!isShown(notice, dayOf(at))) throw new RepertoireError('not-found', `Annonce inconnue : « ${id} ».`, 404, { wording: { key: 'failure.notice.unknown', params: { id } } });
      if (who.collectivityId !== undefined && who.collectivityId === notice.collectivityId) throw forbidden('Une collectivité ne répond pas à sa propre annonce.', 'failure.forbidden.ownNotice');
      const author = notice.authorId === undefined ? undefined : await db.selectFrom('users').select(['email', 'name', 'disabled_at', 'language']).where('id', '=', notice.authorId).executeTakeFirst();
      if (author === undefined || author.disabled_at !== null) throw new RepertoireError('conflict', 'Cette annonce ne reçoit plus de réponses : son auteur n’a plus de compte.', 409, { wording: { key: 'failure.notice.authorGone' } });
      const day = dayOf(at);
      const taken = await db
        .insertInto('partner_notice_answers')
        .values({ notice_id: id, user_id: who.id, day, sent_at: at.toISOString() })
        .onConflict((oc) => oc.columns(['notice_id', 'user_id', 'day']).doNothing())
        .executeTakeFirst();
      if (Number(taken.numInsertedOrUpdatedRows ?? 0n) === 0) throw new RepertoireError('rate-limited', 'Vous avez déjà répondu à cette annonce aujourd’hui : réessayez demain.', 429, { wording: { key: 'failure.notice.answeredToday' } });
      const sent = await sendOrRecord(
        db,
        mail,
        {
          kind: 'notice-answer',
          // in the author's language, as the census mail
          language: author.language,
          to: author.email,
          name: author.name,
          replyTo: who.email,
          fromName: who.name,
          ...(who.collectivityId !== undefined ? { fromCollectivity: names.collectivity(who.collectivityId) } : {}),
          noticeId: id,
          collectivityName: names.collectivity(notice.collectivityId),
          message,
        },
        at,
        { directoryId: notice.directoryId, subjectType: 'notice', subjectId: id },
      );
      if (!sent) {
        await db.deleteFrom('partner_notice_answers').where('notice_id', '=', id).where('user_id', '=', who.id).where('day', '=', day).execute();
        throw new RepertoireError('mail', 'Votre message n’a pas pu être envoyé : réessayez plus tard.', 502, { wording: { key: 'failure.notice.notSent' } });
      }
      await recordAudit(db, { action: 'notice.answer', actorId: who.id, directoryId: notice.directoryId, subjectType: 'notice', subjectId: id }, at);
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
