import { describe, it } from 'vitest';
import { edit, expectRefused, runCase, write, type Case } from './helpers.ts';

const TRUST = (extra: string) => `title: Trust\n${extra}`;

/** Every link a trust-center page shows comes from these fields: only http(s) and mailto may pass. */
const CASES: Case[] = [
  { name: 'website javascript:', change: (d) => edit(d, 'proofbook.yaml', '  name: Minimal Test Co', '  name: Minimal Test Co\n  website: "javascript:alert(1)"'), file: 'proofbook.yaml', line: 4, field: 'organisation.website', message: /not a safe link/ },
  { name: 'website protocol-relative //host', change: (d) => edit(d, 'proofbook.yaml', '  name: Minimal Test Co', '  name: Minimal Test Co\n  website: //evil.example/x'), file: 'proofbook.yaml', line: 4, field: 'organisation.website', message: /not a safe link/ },
  { name: 'website data:text/html', change: (d) => edit(d, 'proofbook.yaml', '  name: Minimal Test Co', '  name: Minimal Test Co\n  website: "data:text/html,<script>alert(1)</script>"'), file: 'proofbook.yaml', line: 4, field: 'organisation.website', message: /not a safe link/ },
  { name: 'securityContact javascript:', change: (d) => edit(d, 'proofbook.yaml', '  name: Minimal Test Co', '  name: Minimal Test Co\n  securityContact: "javascript:alert(document.domain)"'), file: 'proofbook.yaml', line: 4, field: 'organisation.securityContact', message: /not an e-mail address or a safe link/ },
  { name: 'request-access link with upper-case JAVASCRIPT:', change: (d) => write(d, 'trust.yaml', TRUST('requestAccess:\n  url: "JAVASCRIPT:alert(1)"\n')), file: 'trust.yaml', line: 3, field: 'requestAccess.url', message: /not a safe link/ },
  { name: 'subprocessor website vbscript:', change: (d) => write(d, 'trust.yaml', TRUST('subprocessors:\n  - name: Acme\n    purpose: Hosting\n    location: EU\n    website: "vbscript:msgbox(1)"\n')), file: 'trust.yaml', line: 6, field: 'subprocessors[0].website', message: /not a safe link/ },
  { name: 'document link //host', change: (d) => write(d, 'trust.yaml', TRUST('documents:\n  - title: Whitepaper\n    description: Architecture.\n    access: public\n    url: //evil.example/paper.pdf\n')), file: 'trust.yaml', line: 6, field: 'documents[0].url', message: /not a safe link/ },
  { name: 'siteUrl mailto: (must be a web address)', change: (d) => write(d, 'trust.yaml', TRUST('siteUrl: mailto:a@b.example\n')), file: 'trust.yaml', line: 2, field: 'siteUrl', message: /must start with https:\/\/ or http:\/\// },
  { name: 'disclosure policy with a tab-hidden scheme', change: (d) => write(d, 'trust.yaml', TRUST('security:\n  disclosurePolicy: "java\\tscript:alert(1)"\n')), file: 'trust.yaml', line: 3, field: 'security.disclosurePolicy', message: /not a safe link/ },
];

describe.concurrent('unsafe links in proofbook.yaml and trust.yaml', () => {
  for (const c of CASES) it(c.name, async () => expectRefused(c, await runCase(c)));
});
