/**
 * Where a check's page is read. The pages (docs/checks/<id>.md) ship inside the npm package, so the
 * default link is the page of the very version that produced the finding, as unpkg serves it from the
 * registry: a report read months later still explains the check as it then behaved. A team that hosts
 * the pages elsewhere (an internal mirror, a fork's repository) passes its own base.
 */
export function checkDocsBaseUrl(version: string): string {
  return `https://unpkg.com/faultline@${version}/docs/checks/`;
}

/** The page of one check under a base URL (which ends in '/'). */
export function checkDocsUrl(id: string, baseUrl: string): string {
  return `${baseUrl}${encodeURIComponent(id)}.md`;
}
