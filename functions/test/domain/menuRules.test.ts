import assert from 'node:assert/strict';
import { OptionGroup } from '../../src/domain/menu';
import { optionGroupIssues } from '../../src/domain/menuRules';

const size: OptionGroup = {
  groupId: 'size',
  name: '사이즈',
  required: true,
  maxSelect: 1,
  choices: [
    { id: 'regular', name: '레귤러', price: 0 },
    { id: 'large', name: '라지', price: 500 },
  ],
};

const paths = (groups: OptionGroup[]) => optionGroupIssues(groups).map((issue) => issue.path.join('.'));

describe('menu option rules', () => {
  it('accepts well-formed groups, and none', () => {
    assert.deepEqual(optionGroupIssues([]), []);
    assert.deepEqual(optionGroupIssues([size, { ...size, groupId: 'shot', required: false, maxSelect: 2 }]), []);
  });

  it('refuses duplicate group ids and duplicate choice ids within a group', () => {
    assert.deepEqual(paths([size, { ...size }]), ['1.groupId']);
    assert.deepEqual(paths([{ ...size, choices: [...size.choices, { id: 'large', name: '라지2', price: 700 }] }]), ['0.choices.2.id']);
    // The same choice id in two groups is fine: an order names the group too.
    assert.deepEqual(paths([size, { ...size, groupId: 'cup' }]), []);
  });

  it('maxSelect is 1 up to the number of choices', () => {
    assert.deepEqual(paths([{ ...size, maxSelect: 0 }]), ['0.maxSelect']);
    assert.deepEqual(paths([{ ...size, maxSelect: 2 }]), []);
    assert.deepEqual(paths([{ ...size, maxSelect: 3 }]), ['0.maxSelect']);
  });

  it('a group needs a choice', () => {
    assert.deepEqual(paths([{ ...size, choices: [] }]), ['0.choices', '0.maxSelect']);
  });
});
