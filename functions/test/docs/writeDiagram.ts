// Regenerates the order lifecycle's state diagrams (README.md, docs/orders.md) and transition table
// (docs/orders.md) from src/domain/stateMachine.ts:
//   cd functions && npx tsx test/docs/writeDiagram.ts
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderDiagramFiles, ROOT } from './stateDiagram';

for (const [path, content] of renderDiagramFiles()) {
  writeFileSync(path, content);
  console.log(`updated ${relative(ROOT, path)}`);
}
