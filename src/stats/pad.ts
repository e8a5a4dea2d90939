/**
 * The PAD table's rows: the listed PAD projects with their partners and funding lines, read by id
 * once the aggregates have chosen which (`queries.ts`, and a kept snapshot's delta, `kept.ts`).
 */
import type { Kysely } from 'kysely';
import { chunks } from '../maps/data.js';
import type { Database } from '../store/tables.js';
import type { PadProject } from './aggregates.js';

type Db = Kysely<Database>;
const flag = (value: number | boolean | null) => value === true || value === 1;

/**
 * The directory's PAD projects in the table's order: their partnership's place, then their own
 * (ties by id: a partnership created after a removal may take a place again). To narrow and limit.
 */
export function padOrder(db: Db, dir: string) {
  return db
    .selectFrom('projects as p')
    .innerJoin('partnerships as s', (j) => j.onRef('s.directory_id', '=', 'p.directory_id').onRef('s.id', '=', 'p.partnership_id'))
    .where('p.directory_id', '=', dir)
    .where('p.pad_cofinanced', '=', 1)
    .select('p.id')
    .orderBy('s.position')
    .orderBy('s.id')
    .orderBy('p.position')
    .orderBy('p.id');
}

/** The PAD projects of the table: their partners and funding lines (a few queries, at most `padLimit` projects). */
export async function padProjects(db: Db, dir: string | undefined, ids: string[]): Promise<PadProject[]> {
  const out: PadProject[] = [];
  for (const chunk of chunks(ids)) {
    if (!chunk) continue;
    let projects = db
      .selectFrom('projects')
      .select(['directory_id', 'id', 'partnership_id', 'title', 'status', 'total_cost_amount', 'total_cost_currency', 'total_cost_approximate'])
      .where('id', 'in', chunk);
    if (dir !== undefined) projects = projects.where('directory_id', '=', dir);
    let partners = db.selectFrom('project_partners').select(['project_id', 'name', 'role', 'collectivity_id']).where('project_id', 'in', chunk).orderBy('project_id').orderBy('position');
    if (dir !== undefined) partners = partners.where('directory_id', '=', dir);
    let lines = db
      .selectFrom('funding_lines')
      .select(['project_id', 'funder', 'funder_collectivity_id', 'funder_id', 'amount', 'currency', 'approximate'])
      .where('project_id', 'in', chunk)
      .orderBy('project_id')
      .orderBy('position');
    if (dir !== undefined) lines = lines.where('directory_id', '=', dir);
    const [ps, pp, fl] = await Promise.all([projects.execute(), partners.execute(), lines.execute()]);
    const byProject = new Map<string, PadProject>();
    for (const p of ps) {
      byProject.set(p.id, {
        projectId: p.id,
        partnershipId: p.partnership_id,
        title: p.title,
        status: p.status,
        partners: [],
        totalCost:
          p.total_cost_amount !== null && p.total_cost_currency !== null
            ? { amount: p.total_cost_amount, currency: p.total_cost_currency, approximate: flag(p.total_cost_approximate) }
            : null,
        funding: [],
      });
    }
    for (const x of pp) byProject.get(x.project_id)?.partners.push({ name: x.name, role: x.role, collectivityId: x.collectivity_id });
    for (const f of fl) {
      byProject.get(f.project_id)?.funding.push({ funder: f.funder, collectivityId: f.funder_collectivity_id, funderId: f.funder_id, amount: f.amount, currency: f.currency, approximate: flag(f.approximate) });
    }
    out.push(...byProject.values());
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => order.get(a.projectId)! - order.get(b.projectId)!);
}

