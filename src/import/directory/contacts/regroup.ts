/**
 * A labelled group of agents takes every person printed after its label, until the next label or
 * institution block. But an elected person never stands under an agent label: "M. Abdelmajid
 * QANQOM, Conseiller municipal" printed after Romans' agents opens the Moroccan column. Once the
 * roles are read, such persons (and those after them) leave the agents' group, one group each, as
 * persons printed without a label do.
 */
import { joinParts } from './line-text.js';
import { officeKind } from './office-kind.js';
import type { GroupDraft, ItemDraft } from './types.js';

export function separateElectedFromAgents(items: readonly ItemDraft[]): ItemDraft[] {
  return items.flatMap((item): ItemDraft[] => {
    if (item.type !== 'group' || item.staffing !== 'staff') return [item];
    const at = item.persons.findIndex((p, i) => i > 0 && officeKind(joinParts(p.roleParts)) === 'elected');
    if (at < 0) return [item];
    const leaving = item.persons.splice(at);
    const alone = leaving.map((person): GroupDraft => {
      const group: GroupDraft = { type: 'group', staffing: 'elected', labelled: false, persons: [person] };
      person.group = group;
      return group;
    });
    return [item, ...alone];
  });
}
