/**
 * Generates a large, valid compliance program for the benchmarks: N evidence records (each
 * with a small artifact), policies and measures spread over the eight areas and a year.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDays } from '../../src/time/dates.ts';

export interface ProgramSize {
  evidence: number;
  policies: number;
  measures: number;
}

const AREAS = ['policy-planning', 'backup-security', 'access-control', 'running-backups', 'isolation', 'restore-testing', 'data-integrity', 'retention-deletion'];
const SOC2 = ['A1.1', 'A1.2', 'A1.3', 'CC6.1', 'CC6.2', 'CC6.3', 'CC6.6', 'CC6.7', 'CC7.1', 'CC7.2', 'C1.1', 'C1.2', 'PI1.5', 'P4.2'];
const ISO = ['A.5.1', 'A.5.30', 'A.8.3', 'A.8.5', 'A.8.10', 'A.8.13', 'A.8.24', 'A.5.33'];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'continuous', 'on-event'];
const pick = <T>(list: T[], i: number) => list[i % list.length]!;
const pad = (n: number, w = 5) => String(n).padStart(w, '0');

/**
 * Named sizes: S is the 2,000-evidence program the portal targets are set on, M and L the
 * larger ones of issue 8 (L: 20,000 evidence, 500 policies); XS is the 500-evidence program
 * the trust center at L is compared with.
 */
export const SIZES = {
  XS: { evidence: 500, policies: 50, measures: 40 },
  S: { evidence: 2000, policies: 50, measures: 40 },
  M: { evidence: 5000, policies: 150, measures: 80 },
  L: { evidence: 20000, policies: 500, measures: 200 },
} satisfies Record<string, ProgramSize>;
export type SizeName = keyof typeof SIZES;

export function generateProgram(root: string, size: ProgramSize): void {
  const { evidence: N_EVIDENCE, policies: N_POLICIES, measures: N_MEASURES } = size;
  for (const d of ['policies', 'measures', 'evidence/files']) mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(path.join(root, 'proofbook.yaml'), 'organisation:\n  name: Bench Co\nframeworks: [soc2, iso27001]\nobservationPeriod: { start: 2026-01-01, end: 2026-12-31 }\n');
  for (let p = 0; p < N_POLICIES; p++) {
    writeFileSync(
      path.join(root, 'policies', `pol-${pad(p, 3)}.mdx`),
      `---\nid: pol-${pad(p, 3)}\ntitle: Policy ${p}\nversion: "1.${p % 7}"\nstatus: approved\nowner: Head of Infrastructure\napprovals:\n  - name: Ada Lovelace\n    role: CTO\n    date: 2026-01-05\neffective: 2026-01-05\nreviewInterval: P1Y\nlastReviewed: 2026-01-05\ncontrols:\n  soc2: [${pick(SOC2, p)}]\n  iso27001: [${pick(ISO, p)}]\n---\n\n## Purpose\n\nPolicy ${p} sets how backups are taken, protected and restored. The password policy is in the access policy.\n`,
    );
  }
  for (let m = 0; m < N_MEASURES; m++) {
    const policies = [`pol-${pad((2 * m) % N_POLICIES, 3)}`, `pol-${pad((2 * m + 1) % N_POLICIES, 3)}`];
    writeFileSync(
      path.join(root, 'measures', `msr-${pad(m, 3)}.mdx`),
      `---\nid: msr-${pad(m, 3)}\narea: ${pick(AREAS, m)}\ntitle: Measure ${m}\nowner: SRE lead\nfrequency: ${pick(FREQUENCIES, m)}\nautomation: automated\ncontrols:\n  soc2: [${pick(SOC2, m)}, ${pick(SOC2, m + 3)}]\n  iso27001: [${pick(ISO, m)}]\npolicies: [${policies.join(', ')}]\ntargets: { rpo: PT24H, rto: PT4H }\n---\nWhat the measure does, in a paragraph.\n`,
    );
  }
  // Evidence spread over the year; each measure's items cover its intervals. The last item ends
  // by 2026-12-06, before the benches' as-of date (2026-12-15): `check` refuses evidence
  // collected after it, so a larger size must not push dates into 2027.
  for (let e = 0; e < N_EVIDENCE; e++) {
    const id = `ev-${pad(e)}`;
    const m = e % N_MEASURES;
    const slot = Math.floor(e / N_MEASURES);
    const start = addDays('2026-01-01', Math.floor((slot * 330) / Math.ceil(N_EVIDENCE / N_MEASURES)));
    const end = addDays(start, 9);
    const restore = e % 10 === 0;
    const artifact = `evidence/files/${id}.log`;
    const text = Array.from({ length: 12 }, (_, i) => `${start}T0${i % 10}:00:00Z job ${id} step ${i} ok, 1${i} GB, checksum verified`).join('\n') + '\n';
    writeFileSync(path.join(root, artifact), text);
    const sha = createHash('sha256').update(text).digest('hex');
    writeFileSync(
      path.join(root, 'evidence', `${id}.md`),
      `---\nid: ${id}\ntitle: Evidence ${e}\nkind: ${restore ? 'restore-test' : 'log'}\ncollected: ${end}\nperiod: { start: ${start}, end: ${end} }\nsource: pgBackRest 2.54 on backup-01\ncollectedBy: SRE on duty\nvalidFor: P1Y\nartifacts:\n  - path: ${artifact}\n    sha256: ${sha}\nsupports:\n  measures: [msr-${pad(m, 3)}]\n  controls:\n    soc2: [${pick(SOC2, m)}]\n${restore ? 'restoreTest: { outcome: success, duration: PT2H, dataLoss: PT1H }\n' : 'backupJobs: { runs: 10, failed: 0, longestGap: PT20H }\n'}---\nExported from the job history on ${end}; reviewed by the SRE lead.\n`,
    );
  }
}
