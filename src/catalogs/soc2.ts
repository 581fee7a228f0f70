// Titles are short paraphrases written by Proofbook: the AICPA criterion text is copyrighted, so only identifiers and our own wording appear here.
import type { FrameworkCatalog } from './types.ts';

const SECURITY = 'Security (common criteria)';

export const soc2: FrameworkCatalog = {
  id: 'soc2',
  name: 'SOC 2 Trust Services Criteria',
  edition: '2017 (points of focus revised 2022)',
  source:
    'AICPA TSP section 100, 2017 Trust Services Criteria, revised points of focus 2022; titles paraphrased by Proofbook',
  itemLabel: 'criterion',
  builtIn: true,
  groups: [
    { id: 'CC1', title: 'Control environment', category: SECURITY },
    { id: 'CC2', title: 'Communication and information', category: SECURITY },
    { id: 'CC3', title: 'Risk assessment', category: SECURITY },
    { id: 'CC4', title: 'Monitoring activities', category: SECURITY },
    { id: 'CC5', title: 'Control activities', category: SECURITY },
    { id: 'CC6', title: 'Logical and physical access controls', category: SECURITY },
    { id: 'CC7', title: 'System operations', category: SECURITY },
    { id: 'CC8', title: 'Change management', category: SECURITY },
    { id: 'CC9', title: 'Risk mitigation', category: SECURITY },
    { id: 'A1', title: 'Availability', category: 'Availability' },
    { id: 'C1', title: 'Confidentiality', category: 'Confidentiality' },
    { id: 'PI1', title: 'Processing integrity', category: 'Processing integrity' },
    { id: 'P1', title: 'Notice', category: 'Privacy' },
    { id: 'P2', title: 'Choice and consent', category: 'Privacy' },
    { id: 'P3', title: 'Collection', category: 'Privacy' },
    { id: 'P4', title: 'Use, retention and disposal', category: 'Privacy' },
    { id: 'P5', title: 'Access', category: 'Privacy' },
    { id: 'P6', title: 'Disclosure and notification', category: 'Privacy' },
    { id: 'P7', title: 'Quality', category: 'Privacy' },
    { id: 'P8', title: 'Monitoring and enforcement', category: 'Privacy' },
  ],
  controls: [
    // CC1 Control environment
    { id: 'CC1.1', title: 'Commitment to integrity and ethical values', group: 'CC1' },
    { id: 'CC1.2', title: 'Board independence and oversight of internal control', group: 'CC1' },
    { id: 'CC1.3', title: 'Structures, reporting lines, authorities and responsibilities', group: 'CC1' },
    { id: 'CC1.4', title: 'Attracting, developing and retaining competent people', group: 'CC1' },
    { id: 'CC1.5', title: 'Accountability for internal control responsibilities', group: 'CC1' },
    // CC2 Communication and information
    { id: 'CC2.1', title: 'Use of relevant, quality information', group: 'CC2' },
    { id: 'CC2.2', title: 'Internal communication of control information', group: 'CC2' },
    { id: 'CC2.3', title: 'Communication with external parties', group: 'CC2' },
    // CC3 Risk assessment
    { id: 'CC3.1', title: 'Objectives clear enough to identify and assess risks', group: 'CC3' },
    { id: 'CC3.2', title: 'Risk identification and analysis', group: 'CC3' },
    { id: 'CC3.3', title: 'Consideration of fraud risk', group: 'CC3' },
    { id: 'CC3.4', title: 'Identifying and assessing significant changes', group: 'CC3' },
    // CC4 Monitoring activities
    { id: 'CC4.1', title: 'Ongoing and separate evaluations of controls', group: 'CC4' },
    { id: 'CC4.2', title: 'Evaluating and communicating control deficiencies', group: 'CC4' },
    // CC5 Control activities
    { id: 'CC5.1', title: 'Selecting and developing risk-mitigating control activities', group: 'CC5' },
    { id: 'CC5.2', title: 'General controls over technology', group: 'CC5' },
    { id: 'CC5.3', title: 'Control activities deployed through policies and procedures', group: 'CC5' },
    // CC6 Logical and physical access controls
    { id: 'CC6.1', title: 'Logical access security software, infrastructure and architecture', group: 'CC6' },
    { id: 'CC6.2', title: 'User registration and authorization before access is granted', group: 'CC6' },
    { id: 'CC6.3', title: 'Role-based granting, changing and removal of access', group: 'CC6' },
    { id: 'CC6.4', title: 'Restricting physical access to facilities and assets', group: 'CC6' },
    { id: 'CC6.5', title: 'Protecting data when physical assets are disposed of', group: 'CC6' },
    { id: 'CC6.6', title: 'Protection against threats from outside system boundaries', group: 'CC6' },
    { id: 'CC6.7', title: 'Restricting and protecting data in transmission and movement', group: 'CC6' },
    { id: 'CC6.8', title: 'Preventing and detecting unauthorized or malicious software', group: 'CC6' },
    // CC7 System operations
    { id: 'CC7.1', title: 'Detecting configuration changes and new vulnerabilities', group: 'CC7' },
    { id: 'CC7.2', title: 'Monitoring system components for anomalies', group: 'CC7' },
    { id: 'CC7.3', title: 'Evaluating security events to identify incidents', group: 'CC7' },
    { id: 'CC7.4', title: 'Responding to security incidents', group: 'CC7' },
    { id: 'CC7.5', title: 'Recovering from security incidents', group: 'CC7' },
    // CC8 Change management
    { id: 'CC8.1', title: 'Authorizing, testing and approving changes', group: 'CC8' },
    // CC9 Risk mitigation
    { id: 'CC9.1', title: 'Mitigating risks from business disruption', group: 'CC9' },
    { id: 'CC9.2', title: 'Managing vendor and business partner risk', group: 'CC9' },

    // A1 Availability
    { id: 'A1.1', title: 'Capacity monitoring and planning', group: 'A1' },
    { id: 'A1.2', title: 'Environmental protection, backup and recovery infrastructure', group: 'A1' },
    { id: 'A1.3', title: 'Testing recovery plan procedures', group: 'A1' },

    // C1 Confidentiality
    { id: 'C1.1', title: 'Identifying and protecting confidential information', group: 'C1' },
    { id: 'C1.2', title: 'Disposing of confidential information', group: 'C1' },

    // PI1 Processing integrity
    { id: 'PI1.1', title: 'Definitions of data processed and product specifications', group: 'PI1' },
    { id: 'PI1.2', title: 'Controls over system inputs', group: 'PI1' },
    { id: 'PI1.3', title: 'Controls over system processing', group: 'PI1' },
    { id: 'PI1.4', title: 'Controls over system outputs', group: 'PI1' },
    { id: 'PI1.5', title: 'Storing inputs, items in processing and outputs', group: 'PI1' },

    // P1-P8 Privacy
    { id: 'P1.1', title: 'Privacy notice to data subjects', group: 'P1' },
    { id: 'P2.1', title: 'Communicating choices and obtaining consent', group: 'P2' },
    { id: 'P3.1', title: 'Collecting personal information consistent with objectives', group: 'P3' },
    { id: 'P3.2', title: 'Explicit consent for collection where required', group: 'P3' },
    { id: 'P4.1', title: 'Limiting use of personal information to stated purposes', group: 'P4' },
    { id: 'P4.2', title: 'Retaining personal information', group: 'P4' },
    { id: 'P4.3', title: 'Securely disposing of personal information', group: 'P4' },
    { id: 'P5.1', title: 'Data subject access to their personal information', group: 'P5' },
    { id: 'P5.2', title: 'Correcting and amending personal information', group: 'P5' },
    { id: 'P6.1', title: 'Disclosure to third parties with consent', group: 'P6' },
    { id: 'P6.2', title: 'Recording authorized disclosures', group: 'P6' },
    { id: 'P6.3', title: 'Recording unauthorized disclosures', group: 'P6' },
    { id: 'P6.4', title: 'Privacy commitments from vendors and third parties', group: 'P6' },
    { id: 'P6.5', title: 'Vendor notification of unauthorized disclosures', group: 'P6' },
    { id: 'P6.6', title: 'Notifying affected parties of breaches and incidents', group: 'P6' },
    { id: 'P6.7', title: 'Accounting of personal information held and disclosed', group: 'P6' },
    { id: 'P7.1', title: 'Accurate, complete and relevant personal information', group: 'P7' },
    { id: 'P8.1', title: 'Handling privacy inquiries, complaints and disputes', group: 'P8' },
  ],
};
