// The lifecycle pictures in README.md and docs/orders.md are the machine's table
// (src/domain/stateMachine.ts), and they are current (regenerate: cd functions && npx tsx test/docs/writeDiagram.ts).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { COMMAND_TYPES, TRANSITIONS } from '../../src/domain/stateMachine';
import {
  blockOf,
  COMMAND_NAMES,
  diagramBlocks,
  FLOWS,
  type LifecycleRow,
  lifecycleRows,
  renderFlowDiagram,
  renderTransitionTable,
  ROOT,
} from './stateDiagram';

/** The edges a Mermaid block draws: `from --> to: label`. */
function drawnEdges(diagram: string): { from: string; to: string; label: string }[] {
  return [...diagram.matchAll(/^ {4}(\S+) --> (\S+?)(?:: (.*))?$/gm)].map(([, from, to, label]) => ({ from, to, label: label ?? '' }));
}

describe('docs: the order state diagrams come from the transition table', () => {
  it('README.md and docs/orders.md show the current diagrams and table (cd functions && npx tsx test/docs/writeDiagram.ts)', () => {
    for (const { path, name, block } of diagramBlocks()) {
      const committed = blockOf(readFileSync(path, 'utf8'), name);
      assert.ok(committed !== null, `${relative(ROOT, path)} has lost its ${name} markers`);
      assert.equal(committed, block, `${relative(ROOT, path)} ${name} is stale: run \`npx tsx test/docs/writeDiagram.ts\` in functions/`);
    }
  });

  it('draws every rule of TRANSITIONS, from each of its statuses, with all its actors', () => {
    for (const flow of FLOWS) {
      const edges = drawnEdges(renderFlowDiagram(lifecycleRows(), flow));
      for (const rule of TRANSITIONS.filter((r) => r.flow === flow)) {
        for (const from of rule.from) {
          const edge = edges.find((e) => e.from === from && e.to === rule.to && e.label.includes(` ${rule.command} `));
          assert.ok(edge, `${flow}: ${from} --${rule.command}--> ${rule.to} is not drawn`);
          for (const actor of rule.actors)
            assert.ok(edge.label.includes(actor), `${flow}: ${rule.command} from ${from} lacks ${actor}: ${edge.label}`);
        }
      }
    }
  });

  it('draws nothing the table does not have, and ends each flow in the terminal statuses', () => {
    for (const flow of FLOWS) {
      const edges = drawnEdges(renderFlowDiagram(lifecycleRows(), flow));
      const inner = edges.filter((e) => e.from !== '[*]' && e.to !== '[*]');
      for (const edge of inner) {
        assert.ok(
          TRANSITIONS.some(
            (r) =>
              r.flow === flow &&
              (r.from as readonly string[]).includes(edge.from) &&
              r.to === edge.to &&
              edge.label.includes(` ${r.command} `),
          ),
          `${flow}: drawn edge ${edge.from} --> ${edge.to} (${edge.label}) is in no rule`,
        );
      }
      assert.deepEqual(
        edges.filter((e) => e.from === '[*]').map((e) => e.to),
        ['received'],
        `${flow}: orders start received`,
      );
      assert.deepEqual(
        edges
          .filter((e) => e.to === '[*]')
          .map((e) => e.from)
          .sort(),
        ['cancelled', 'completed'],
        `${flow}: orders end completed or cancelled`,
      );
    }
  });

  it('follows a change of the table (an added rule is drawn, a removed one disappears)', () => {
    const rows = lifecycleRows();
    const added: LifecycleRow = {
      flow: 'delivery',
      from: 'shipped',
      to: 'cancelled',
      command: 'cancel',
      actors: ['admin'],
      guarded: false,
    };
    const withRule = drawnEdges(renderFlowDiagram([...rows, added], 'delivery'));
    assert.ok(
      withRule.some((e) => e.from === 'shipped' && e.to === 'cancelled'),
      'the added rule is drawn',
    );
    assert.ok(
      !drawnEdges(renderFlowDiagram(rows, 'delivery')).some((e) => e.from === 'shipped' && e.to === 'cancelled'),
      'and is not there today',
    );
    const withoutShip = rows.filter((r) => r.command !== 'ship');
    assert.ok(!drawnEdges(renderFlowDiagram(withoutShip, 'delivery')).some((e) => e.label.includes(' ship ')), 'a removed rule disappears');
    assert.notEqual(renderTransitionTable(withoutShip), renderTransitionTable(rows));
  });

  it('names every command (the guide button and the entry point that runs it)', () => {
    for (const command of COMMAND_TYPES) assert.ok(COMMAND_NAMES[command]?.label, `${command} has no name in test/docs/stateDiagram.ts`);
    assert.throws(
      () =>
        renderFlowDiagram(
          [{ flow: 'pickup', from: 'received', to: 'completed', command: 'no_such_command', actors: ['system'], guarded: false }],
          'pickup',
        ),
      /no_such_command/,
    );
  });
});
