/** What each evidence kind is called wherever it is shown: pages and audit messages alike. */
export const KIND_LABEL: Record<string, string> = {
  'policy-document': 'Policy document',
  screenshot: 'Screenshot',
  diagram: 'Diagram',
  log: 'Log',
  'restore-test': 'Restore test',
  'siem-export': 'SIEM export',
  'configuration-export': 'Configuration export',
  report: 'Report',
};
