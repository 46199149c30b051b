// The order lifecycle as pictures: one Mermaid stateDiagram-v2 per flow (매장/포장, 배송) and the
// transition table, built from the machine's table (src/domain/stateMachine.ts `TRANSITIONS`).
// Pure function of the source: writeDiagram.ts writes the blocks into README.md and docs/orders.md,
// stateDiagram.test.ts fails when the committed blocks are stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Flow, ORDER_STATUSES, type OrderStatus } from '../../src/domain/order';
import { STATUS_LABELS } from '../../src/domain/publicView';
import { type CommandType, TRANSITIONS } from '../../src/domain/stateMachine';

export const ROOT = join(__dirname, '..', '..', '..');
export const ORDERS_DOC = join(ROOT, 'docs', 'orders.md');
export const README = join(ROOT, 'README.md');

/** One edge of the machine: a command moves an order of a flow from one status to another. */
export interface LifecycleRow {
  flow: Flow;
  /** null: the order does not exist yet (placing it). */
  from: OrderStatus | null;
  to: OrderStatus;
  command: string;
  actors: readonly string[];
  /** The rule has a condition beyond state and actor (a limit, a due time). */
  guarded: boolean;
}

/**
 * The one place that reads the machine's table. The lifecycle specification may change shape;
 * only this function needs to follow it.
 */
export function lifecycleRows(): LifecycleRow[] {
  const rows: LifecycleRow[] = [];
  for (const rule of TRANSITIONS) {
    const froms: readonly (OrderStatus | null)[] = rule.from.length > 0 ? rule.from : [null];
    for (const from of froms) {
      rows.push({ flow: rule.flow, from, to: rule.to, command: rule.command, actors: rule.actors, guarded: rule.guard !== undefined });
    }
  }
  // Placing an order is a command too; until the table has its own row, the customer creates it received.
  for (const flow of FLOWS) {
    if (!rows.some((row) => row.flow === flow && row.from === null)) {
      rows.unshift({ flow, from: null, to: 'received', command: 'place', actors: ['customer'], guarded: false });
    }
  }
  return rows;
}

export const FLOWS: readonly Flow[] = ['pickup', 'delivery'];
const FLOW_TITLES: Record<Flow, string> = { pickup: '매장/포장 (pickup: `dine_in`, `takeout`)', delivery: '배송 (delivery)' };

/** The guide's button names and the entry point that runs each command. */
export const COMMAND_NAMES: Record<CommandType | 'place', { label: string; entry: string }> = {
  place: { label: '주문', entry: '`placeOrder`' },
  start_preparing: { label: '준비시작', entry: '`startPreparing`' },
  mark_ready: { label: '준비완료', entry: '`markReady`' },
  call_customer: { label: '고객 호출', entry: '`callCustomer`' },
  extend_prep: { label: '시간 추가', entry: '`extendPrep`' },
  complete: { label: '처리 완료', entry: '`completeOrder`' },
  auto_complete: { label: '자동 완료', entry: 'task `autoCompleteOrder`, sweep `autoCompleteSweep`' },
  prepare_shipment: { label: '배송 준비', entry: '`prepareShipment`' },
  ship: { label: '발송 처리', entry: '`shipOrder`' },
  update_tracking: { label: '송장 수정', entry: '`updateTracking`' },
  mark_delivered: { label: '배송 완료', entry: '`trackingWebhook`, `pollTracking`' },
  cancel: { label: '취소', entry: '`cancelOrder`' },
};

function names(command: string): { label: string; entry: string } {
  const known = (COMMAND_NAMES as Record<string, { label: string; entry: string } | undefined>)[command];
  if (!known) throw new Error(`stateDiagram: command ${command} has no entry in COMMAND_NAMES (test/docs/stateDiagram.ts)`);
  return known;
}

const union = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

/** Rows of one flow merged per (from, to, command): the customer's and the partner's cancel are one edge. */
export function edgesOf(rows: readonly LifecycleRow[], flow: Flow): LifecycleRow[] {
  const edges = new Map<string, LifecycleRow>();
  for (const row of rows.filter((r) => r.flow === flow)) {
    const key = `${row.from ?? '*'}>${row.to}>${row.command}`;
    const seen = edges.get(key);
    edges.set(key, seen ? { ...seen, actors: union([seen.actors, row.actors]), guarded: seen.guarded || row.guarded } : { ...row });
  }
  return [...edges.values()];
}

export function renderFlowDiagram(rows: readonly LifecycleRow[], flow: Flow): string {
  const edges = edgesOf(rows, flow);
  const used = new Set(edges.flatMap((e) => (e.from ? [e.from, e.to] : [e.to])));
  const statuses = ORDER_STATUSES.filter((status) => used.has(status));
  // A status no command leaves is where the order's life ends.
  const terminal = statuses.filter((status) => !edges.some((e) => e.from === status && e.to !== status));
  const out = ['```mermaid', 'stateDiagram-v2', '    direction LR'];
  for (const status of statuses) out.push(`    state "${STATUS_LABELS[status]} (${status})" as ${status}`);
  for (const edge of edges) {
    const label = `${names(edge.command).label} ${edge.command} · ${edge.actors.join(', ')}${edge.guarded ? ' · 조건' : ''}`;
    out.push(`    ${edge.from ?? '[*]'} --> ${edge.to}: ${label}`);
  }
  for (const status of terminal) out.push(`    ${status} --> [*]`);
  out.push('```');
  return out.join('\n');
}

/** The block README.md and docs/orders.md show between the state-diagram markers. */
export function renderStateDiagrams(rows: readonly LifecycleRow[] = lifecycleRows()): string {
  const out: string[] = [];
  for (const flow of FLOWS) out.push(`**${FLOW_TITLES[flow]}**`, '', renderFlowDiagram(rows, flow), '');
  out.push("Edges: the guide's button, the command, who may run it; `조건`: the rule also has a guard (a limit or a due time).");
  return out.join('\n');
}

/** The block docs/orders.md shows between the transition-table markers. */
export function renderTransitionTable(rows: readonly LifecycleRow[] = lifecycleRows()): string {
  const out = ['| command | 버튼 | runs in | flow | from | to | actors |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const flow of FLOWS) {
    const byCommand = new Map<string, LifecycleRow[]>();
    for (const row of rows.filter((r) => r.flow === flow)) {
      const key = `${row.command}>${row.to}>${row.actors.join(',')}`;
      byCommand.set(key, [...(byCommand.get(key) ?? []), row]);
    }
    for (const group of byCommand.values()) {
      const { command, to, actors, guarded } = group[0];
      const from = group.map((r) => (r.from ? `\`${r.from}\`` : '(new)')).join(', ');
      const { label, entry } = names(command);
      out.push(
        `| \`${command}\` | ${label} | ${entry} | ${flow} | ${from} | \`${to}\` | ${actors.join(', ')}${guarded ? ' (guarded)' : ''} |`,
      );
    }
  }
  return out.join('\n');
}

// ---- generated blocks between <!-- NAME:start (...) --> and <!-- NAME:end -->

const GENERATOR = 'generated from functions/src/domain/stateMachine.ts: cd functions && npx tsx test/docs/writeDiagram.ts';
export const startMarker = (name: string) => `<!-- ${name}:start (${GENERATOR}) -->`;
export const endMarker = (name: string) => `<!-- ${name}:end -->`;

export function blockOf(markdown: string, name: string): string | null {
  const from = markdown.indexOf(startMarker(name));
  const to = markdown.indexOf(endMarker(name));
  if (from < 0 || to < from) return null;
  return markdown.slice(from + startMarker(name).length, to).trim();
}

export function withBlock(markdown: string, name: string, block: string, path: string): string {
  const from = markdown.indexOf(startMarker(name));
  const to = markdown.indexOf(endMarker(name));
  if (from < 0 || to < from) throw new Error(`${path} has no ${name} markers`);
  return `${markdown.slice(0, from + startMarker(name).length)}\n\n${block}\n\n${markdown.slice(to)}`;
}

/** Which generated blocks each file carries, and their content. */
export function diagramBlocks(): { path: string; name: string; block: string }[] {
  const rows = lifecycleRows();
  const diagrams = renderStateDiagrams(rows);
  return [
    { path: README, name: 'state-diagram', block: diagrams },
    { path: ORDERS_DOC, name: 'state-diagram', block: diagrams },
    { path: ORDERS_DOC, name: 'transition-table', block: renderTransitionTable(rows) },
  ];
}

/** Every file with its blocks filled in from the current table. */
export function renderDiagramFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { path, name, block } of diagramBlocks()) {
    files.set(path, withBlock(files.get(path) ?? readFileSync(path, 'utf8'), name, block, path));
  }
  return files;
}
