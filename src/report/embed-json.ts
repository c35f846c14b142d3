/**
 * @file JSON for a `<script type="application/json">` element: `<` is written as \u003c so no
 * string in the data can close the element (`</script>`) or open a comment (`<!--`); U+2028 and
 * U+2029 are escaped too. JSON.parse reads the result back unchanged.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
