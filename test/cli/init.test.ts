import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/audit/format/github.ts';
import type { AuditReport, Finding } from '../../src/audit/types.ts';
import { BACKUP_AREAS } from '../../src/catalogs/backup-areas.ts';
import { parseYaml } from '../../src/content/frontmatter.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { TMP } from '../helpers/paths.ts';

/** `proofbook init` end to end: a new program that checks, builds and audits, and never overwrites. */
const DIR = path.join(TMP, 'init');
const frontmatter = (file: string) => parseYaml(readFileSync(file, 'utf8').split(/^---$/m)[1]!, file).data as Record<string, any>;

describe('proofbook init', () => {
  it('writes a program that checks and builds as the public trust center', async () => {
    rmSync(DIR, { recursive: true, force: true });
    const r = await runCliAsync(['init', DIR, '--organisation', 'Acme & "Sons" Ltd']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const rel of ['proofbook.yaml', 'trust.yaml', 'policies/backup.mdx', 'policies/ict-continuity.mdx', 'policies/retention-disposal.mdx', 'policies/backup-cryptography.mdx', 'policies/backup-access.mdx', '.github/workflows/proofbook-audit.yml', '.github/workflows/proofbook-pages.yml']) {
      expect(existsSync(path.join(DIR, rel)), rel).toBe(true);
    }
    // One measure per backup area, mapped as the reference mapping says.
    for (const area of BACKUP_AREAS) {
      const m = frontmatter(path.join(DIR, 'measures', `${area.id}.mdx`));
      expect(m.area).toBe(area.id);
      const ids = (fw: 'soc2' | 'iso27001') => (m.controls[fw] as Array<string | { id: string; implied: boolean }>).map((c) => (typeof c === 'string' ? { id: c, implied: false } : c));
      expect(ids('soc2')).toEqual(area.reference.soc2);
      expect(ids('iso27001')).toEqual(area.reference.iso27001);
    }
    expect((parseYaml(readFileSync(path.join(DIR, 'proofbook.yaml'), 'utf8'), 'proofbook.yaml').data as any).organisation.name).toBe('Acme & "Sons" Ltd');
    const workflow = readFileSync(path.join(DIR, '.github/workflows/proofbook-audit.yml'), 'utf8');
    expect(workflow).toMatch(/on:\s+pull_request:/);
    expect(workflow).toContain('proofbook audit --content . --format github');
    expect(readFileSync(path.join(DIR, '.github/workflows/proofbook-pages.yml'), 'utf8')).toContain('${{ steps.deployment.outputs.page_url }}');

    const check = await runCliAsync(['check', '--content', DIR]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/5 policies, 8 measures, 2 evidence records: no problems/);

    const out = path.join(TMP, 'init-site');
    rmSync(out, { recursive: true, force: true });
    const build = await runCliAsync(['build', '--content', DIR, '--audience', 'public', '--out', out]);
    expect(build.code, build.stderr).toBe(0);
    const home = readFileSync(path.join(out, 'public', 'index.html'), 'utf8');
    expect(home).toContain('Acme &amp; &quot;Sons&quot; Ltd');
    expect(existsSync(path.join(out, 'public', 'brand', 'logo.svg'))).toBe(true);

    // The self-audit runs on the template and reports, as GitHub annotations, what is still to do.
    const audit = await runCliAsync(['audit', '--content', '.', '--format', 'github'], { cwd: DIR });
    expect(audit.code).toBe(1);
    const lines = audit.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^FAILED: \d+ errors?, /);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+(,line=\d+)?,title=[^:]+::\S/);
    expect(lines.some((l) => l.startsWith('::error file=measures/'))).toBe(true);
  });

  it('refuses to overwrite: lists the files that exist and writes nothing', async () => {
    const dir = path.join(TMP, 'init-existing');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, 'policies'), { recursive: true });
    writeFileSync(path.join(dir, 'proofbook.yaml'), 'mine\n');
    writeFileSync(path.join(dir, 'policies', 'backup.mdx'), 'mine too\n');
    const r = await runCliAsync(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 files already exist');
    expect(r.stderr).toContain('  proofbook.yaml');
    expect(r.stderr).toContain('  policies/backup.mdx');
    expect(readFileSync(path.join(dir, 'proofbook.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(dir, 'trust.yaml'))).toBe(false);
  });
});

describe('audit --format github', () => {
  const finding = (over: Partial<Finding>): Finding => ({ rule: 'policy-lifecycle', severity: 'error', subject: 'pol-x:review', message: 'Policy "pol-x" is overdue: 100% late,\nsee below', controls: ['soc2:CC5.3'], file: 'policies/x, y.mdx', line: 7, fix: 'review it', ...over });
  const report = (findings: Finding[]) => ({ findings, passed: !findings.some((f) => f.severity === 'error' && !f.waived), counts: { error: 1, warning: 1, info: 0, waived: 1 } }) as unknown as AuditReport;

  it('writes one escaped workflow command per finding', () => {
    const out = formatGithub(report([finding({}), finding({ severity: 'warning', line: undefined, subject: 'a:b' }), finding({ severity: 'info', waived: { reason: 'ok', approver: 'CISO', expires: '2027-01-01', file: 'waivers.yaml' } })]), { prefix: 'content' }).trimEnd().split('\n');
    expect(out[0]).toBe('::error file=content/policies/x%2C y.mdx,line=7,title=policy-lifecycle%3A pol-x%3Areview::Policy "pol-x" is overdue: 100%25 late,%0Asee below%0AControls: soc2:CC5.3%0AFix: review it');
    expect(out[1]).toMatch(/^::warning file=content\/policies\/x%2C y\.mdx,title=policy-lifecycle%3A a%3Ab::/);
    expect(out[2]).toMatch(/^::notice .*waived by CISO until 2027-01-01: ok$/);
    expect(out[3]).toBe('FAILED: 1 error, 1 warning, 0 info, 1 waived.');
    for (const line of out) expect(line).not.toMatch(/[\r]/);
  });
});
