/**
 * URIs of posts beside one another (a rename fix names the new file by its base name).
 */

/** The URI of `name` in the folder of `uri`. */
export function siblingUri(uri: string, name: string): string {
  const cut = uri.replace(/[?#].*$/, '').lastIndexOf('/');
  return `${uri.slice(0, cut + 1)}${encodeURIComponent(name)}`;
}
