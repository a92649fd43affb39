// The parts of the `datapackage` library (frictionlessdata/datapackage-js,
// which ships no types) that the tests use.
// @see https://github.com/frictionlessdata/datapackage-js#api-reference
declare module 'datapackage' {
  export interface TableReadOptions {
    /** Rows as objects keyed by field name. */
    keyed?: boolean;
    /** Cast cells to their field types, checking constraints (default true). */
    cast?: boolean;
  }

  export class Resource {
    readonly name: string;
    readonly descriptor: Record<string, unknown> & { path?: string; format?: string; dialect?: Record<string, unknown> };
    readonly tabular: boolean;
    read(options?: TableReadOptions): Promise<Record<string, unknown>[]>;
  }

  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly descriptor: Record<string, unknown>;
    readonly resources: Resource[];
    getResource(name: string): Resource | null;
  }
}
