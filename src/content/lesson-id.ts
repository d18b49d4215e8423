/**
 * Turns a content path such as `foundations/03-closures/index.mdx` into the page id
 * `foundations/closures`: the order prefix and the `index` file name are not part of the URL.
 */
export function lessonIdFromPath(entryPath: string): string {
  const withoutExtension = entryPath.replace(/\.(mdx?|markdoc)$/i, '');
  const segments = withoutExtension
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/^\d+-/, '').toLowerCase());
  if (segments.length > 0 && segments[segments.length - 1] === 'index') segments.pop();
  return segments.join('/') || 'index';
}
