/**
 * A function of one lexicon object (or part of one), computed once per object: lexicons are loaded once and never
 * change, and building patterns from them per document costs more than reading the document.
 */
export function perLexicon<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** The same for a function of two lexicon objects (a lexicon part and a list from another part). */
export function perLexicons<K1 extends object, K2 extends object, V>(build: (a: K1, b: K2) => V): (a: K1, b: K2) => V {
  const outer = perLexicon((a: K1) => perLexicon((b: K2) => build(a, b)));
  return (a, b) => outer(a)(b);
}
