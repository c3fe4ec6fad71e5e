import Handlebars from 'handlebars';

/**
 * Wording a campaign supplies (the achievement phrase of Điều 1, an occasion's period, rule messages)
 * is a Handlebars snippet, compiled in strict mode with only the built-in helpers: a snippet can read
 * the values it is given and nothing else, and a missing value is an error, not an empty string.
 */
const hb = Handlebars.create();
const cache = new Map<string, Handlebars.TemplateDelegate>();

export function compileSnippet(source: string): Handlebars.TemplateDelegate {
  let t = cache.get(source);
  if (!t) {
    t = hb.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
    cache.set(source, t);
  }
  return t;
}

/** Renders a snippet; `undefined` when it refers to a value the context does not have. */
export function renderSnippet(source: string, context: Record<string, unknown>): string | undefined {
  try {
    return compileSnippet(source)(context).normalize('NFC');
  } catch {
    return undefined;
  }
}

/** Throws with Handlebars' own message when the snippet does not parse. */
export function checkSnippet(source: string): string | undefined {
  try {
    hb.precompile(source, { strict: true, knownHelpersOnly: true });
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  }
}
