/**
 * What each control asks for, in plain words for customers (our own wording, not the
 * frameworks' text, which is copyrighted and written for auditors). Keyed "framework:id".
 * Controls without an entry show their catalog title only.
 */
export const CONTROL_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'soc2:A1.1': 'We watch how much storage and capacity our systems and backups use and plan ahead, so growth never stops a backup or a restore.',
  'soc2:A1.2': 'Backups, recovery sites and the infrastructure under them are set up, protected and monitored so data can be recovered when something fails.',
  'soc2:A1.3': 'We test that recovery actually works: restores and disaster-recovery exercises are run on a schedule and their results recorded.',
  'soc2:C1.1': 'Confidential information, including in backups, is identified and protected for as long as we keep it.',
  'soc2:C1.2': 'Confidential information is deleted when it is no longer needed, backup copies included, and the deletion is recorded.',
  'soc2:CC6.1': 'Access to systems and backup data goes through controlled accounts, strong sign-in and encryption keys we manage.',
  'soc2:CC6.2': 'People get access only after it is requested and approved, and it is recorded who has it.',
  'soc2:CC6.3': 'Access follows roles and least privilege; it is changed or removed promptly when someone changes role or leaves.',
  'soc2:CC6.4': 'Physical access to where data and backups are stored is restricted; for cloud hosting this is the provider\u2019s responsibility, which we review.',
  'soc2:CC6.6': 'Systems, including the backup environment, are protected from threats outside their boundaries, for example by network isolation.',
  'soc2:CC6.7': 'Data, including backup traffic, is protected while it moves: encrypted in transit and only over approved paths.',
  'soc2:CC7.1': 'Configuration changes and weaknesses are detected, for example when a system stops being backed up or loses its encryption.',
  'soc2:P4.2': 'Personal information is kept only as long as our retention rules allow, in backups as well as in live systems.',
  'soc2:PI1.4': 'What systems produce is complete and accurate; restored data is checked against the original.',
  'soc2:PI1.5': 'Stored data, including backup copies, is kept complete, accurate and protected against change.',
  'iso27001:A.5.1': 'Management has approved written policies for backup and recovery, communicates them and reviews them on a schedule.',
  'iso27001:A.5.30': 'Our systems are ready to be recovered within agreed times after a disruption, and that readiness is planned and tested.',
  'iso27001:A.8.3': 'Access to information and backups is limited to what each role needs.',
  'iso27001:A.8.5': 'Sign-in to systems holding data and backups uses secure authentication such as multi-factor sign-in.',
  'iso27001:A.8.10': 'Information is deleted when it is no longer required, in line with our retention rules, backups included.',
  'iso27001:A.8.13': 'Backup copies of data and systems are made, kept and tested regularly according to an agreed backup policy.',
  'iso27001:A.8.24': 'Cryptography, including backup encryption and key management, follows defined rules.',
};
