// What a menu item must look like to be saved, so that placeOrder can always price it (menu.ts).
// Pure. Prices are integer KRW; option groups follow the rules priceItem applies to an order.
import { MenuItem, OptionGroup } from './menu';

export const MENU_LIMITS = {
  maxPrice: 1_000_000,
  nameLength: { min: 1, max: 50 },
  categoryLength: 30,
  descriptionLength: 300,
  optionGroups: 20,
  choicesPerGroup: 30,
} as const;

/** A menu item as stored and managed: what an order needs (MenuItem), plus how the menu shows it. */
export interface MenuItemDetails extends MenuItem {
  category: string | null;
  description: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface MenuIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Rules across option groups and choices that a per-field schema can't see: ids unique (an order
 * names them), maxSelect within 1..choices, and a required group must be satisfiable.
 */
export function optionGroupIssues(groups: readonly OptionGroup[]): MenuIssue[] {
  const issues: MenuIssue[] = [];
  const groupIds = new Set<string>();
  groups.forEach((group, g) => {
    if (groupIds.has(group.groupId)) {
      issues.push({ path: [g, 'groupId'], message: '옵션 그룹 ID가 중복되었습니다.' });
    }
    groupIds.add(group.groupId);
    if (group.choices.length === 0) {
      issues.push({ path: [g, 'choices'], message: '옵션 그룹에는 선택지가 하나 이상 있어야 합니다.' });
    }
    const choiceIds = new Set<string>();
    group.choices.forEach((choice, c) => {
      if (choiceIds.has(choice.id)) {
        issues.push({ path: [g, 'choices', c, 'id'], message: '선택지 ID가 중복되었습니다.' });
      }
      choiceIds.add(choice.id);
    });
    if (group.maxSelect < 1 || group.maxSelect > group.choices.length) {
      issues.push({ path: [g, 'maxSelect'], message: '최대 선택 개수는 1 이상, 선택지 수 이하여야 합니다.' });
    }
  });
  return issues;
}
