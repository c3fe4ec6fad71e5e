/**
 * A view model is the normalized input plus computed fields, so that templates stay dumb: every
 * number, date, punctuation mark and list numbering is decided here, never in a template.
 *
 * Each composer declares its computed fields with their provenance (`from`: JSON pointers of the
 * input properties they are derived from, `*` for array items). The template linter uses this to
 * resolve tags, and to know which required input properties a template uses through computed fields.
 * A composer may also return an input property under its own name in the same shape (e.g. the
 * issuing body upper-cased); such properties are not computed fields and are not declared.
 */
export interface ViewField {
  /** Input properties this field is computed from (e.g. `/diaDanhNgay`, `/khenThuong/caNhan`). */
  from: string[];
  /** For computed lists: the fields of each item. */
  items?: Record<string, ViewField | Record<string, never>>;
}

export type ViewSpec = Record<string, ViewField>;

export type Data = Record<string, unknown>;
export type ViewModel = Record<string, unknown>;

export interface Composer<T = Data> {
  spec: ViewSpec;
  compose(data: T): ViewModel;
}
