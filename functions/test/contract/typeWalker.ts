// Expands server types (zod inputs, handler results, domain interfaces) into standalone TypeScript
// text and JSON Schema, with the TypeScript checker: the client package then needs neither zod nor
// any server module. Anything the walker can't express (functions, symbols) fails loudly.
import ts from 'typescript-api'; // TypeScript 5.9's compiler API: TypeScript 7 (the build's tsc) ships none

export type JsonSchema = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export class TypeWalker {
  constructor(
    private readonly checker: ts.TypeChecker,
    /** Types printed by name instead of inline (identity of the checker's type objects). */
    private readonly named: Map<ts.Type, string> = new Map(),
  ) {}

  /** TypeScript text of a type; `skipNamed` expands a named type itself (for its declaration). */
  print(type: ts.Type, indent = '', skipNamed = false): string {
    const name = this.named.get(type);
    if (name && !skipNamed) return name;
    const f = type.flags;
    if (f & ts.TypeFlags.Union) {
      const parts = this.unionParts(type as ts.UnionType).map((member) => (member === 'boolean' ? 'boolean' : this.print(member, indent)));
      return [...new Set(parts)].join(' | ');
    }
    if (f & ts.TypeFlags.String) return 'string';
    if (f & ts.TypeFlags.Number) return 'number';
    if (f & ts.TypeFlags.Boolean) return 'boolean';
    if (f & ts.TypeFlags.Null) return 'null';
    if (f & ts.TypeFlags.Undefined) return 'undefined';
    if (f & ts.TypeFlags.Unknown || f & ts.TypeFlags.Any) return 'unknown';
    if (f & ts.TypeFlags.Never) return 'never';
    if (f & ts.TypeFlags.StringLiteral) return JSON.stringify((type as ts.StringLiteralType).value);
    if (f & ts.TypeFlags.NumberLiteral) return String((type as ts.NumberLiteralType).value);
    if (f & ts.TypeFlags.BooleanLiteral) return this.checker.typeToString(type);
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
      const inner = this.print(element, indent);
      return element.flags & ts.TypeFlags.Union && !this.named.has(element) ? `(${inner})[]` : `${inner}[]`;
    }
    if (this.checker.isTupleType(type)) {
      return `[${this.checker
        .getTypeArguments(type as ts.TypeReference)
        .map((t) => this.print(t, indent))
        .join(', ')}]`;
    }
    if (f & ts.TypeFlags.Object || f & ts.TypeFlags.Intersection) return this.printObject(type, indent);
    throw new Error(`contract: cannot express type ${this.checker.typeToString(type)}`);
  }

  /** JSON Schema of a type as it travels as JSON (undefined members are absent fields). */
  schema(type: ts.Type): JsonSchema {
    const f = type.flags;
    if (f & ts.TypeFlags.Union) {
      const members = this.unionParts(type as ts.UnionType);
      const literals = members.filter((m): m is ts.StringLiteralType => m !== 'boolean' && Boolean(m.flags & ts.TypeFlags.StringLiteral));
      const rest = members.filter((m) => m === 'boolean' || !(m.flags & ts.TypeFlags.StringLiteral));
      const schemas: JsonSchema[] = rest.map((m) => (m === 'boolean' ? { type: 'boolean' } : this.schema(m)));
      if (literals.length) schemas.unshift({ type: 'string', enum: literals.map((l) => l.value) });
      return schemas.length === 1 ? schemas[0] : { anyOf: schemas };
    }
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (f & ts.TypeFlags.Unknown || f & ts.TypeFlags.Any) return {};
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', const: (type as ts.StringLiteralType).value };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', const: (type as ts.NumberLiteralType).value };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', const: this.checker.typeToString(type) === 'true' };
    if (this.checker.isArrayType(type)) {
      return { type: 'array', items: this.schema(this.checker.getTypeArguments(type as ts.TypeReference)[0]) };
    }
    if (f & ts.TypeFlags.Object || f & ts.TypeFlags.Intersection) {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const property of this.properties(type)) {
        properties[property.name] = this.schema(property.type);
        if (!property.optional) required.push(property.name);
      }
      const index = this.stringIndex(type);
      return {
        type: 'object',
        properties,
        ...(required.length ? { required } : {}),
        ...(index ? { additionalProperties: this.schema(index) } : {}),
      };
    }
    throw new Error(`contract: cannot express type ${this.checker.typeToString(type)} as JSON Schema`);
  }

  /** Union members without undefined; true | false folded into 'boolean'. */
  private unionParts(type: ts.UnionType): (ts.Type | 'boolean')[] {
    const members = type.types.filter((m) => !(m.flags & ts.TypeFlags.Undefined));
    const isBool = (m: ts.Type) => Boolean(m.flags & ts.TypeFlags.BooleanLiteral);
    const bools = members.filter(isBool);
    if (bools.length === 2) {
      const first = members.findIndex(isBool);
      const out: (ts.Type | 'boolean')[] = members.filter((m) => !isBool(m));
      out.splice(first, 0, 'boolean');
      return out;
    }
    return members;
  }

  private properties(type: ts.Type): { name: string; type: ts.Type; optional: boolean }[] {
    return this.checker.getPropertiesOfType(type).map((symbol) => {
      const propertyType = this.checker.getTypeOfSymbol(symbol);
      if (propertyType.getCallSignatures().length) throw new Error(`contract: ${symbol.name} is a function`);
      const optional = Boolean(symbol.flags & ts.SymbolFlags.Optional);
      return { name: symbol.name, type: propertyType, optional };
    });
  }

  private stringIndex(type: ts.Type): ts.Type | undefined {
    return this.checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String)?.type;
  }

  private printObject(type: ts.Type, indent: string): string {
    if (type.getCallSignatures().length) throw new Error(`contract: cannot express a function type`);
    const properties = this.properties(type);
    const index = this.stringIndex(type);
    if (!properties.length) return index ? `Record<string, ${this.print(index, indent)}>` : 'Record<never, never>';
    const inner = `${indent}  `;
    const lines = properties.map(({ name, type: propertyType, optional }) => {
      const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
      return `${inner}${key}${optional ? '?' : ''}: ${this.print(propertyType, inner)};`;
    });
    if (index) lines.push(`${inner}[key: string]: ${this.print(index, inner)};`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
}
