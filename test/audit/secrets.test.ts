import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/audit/format/json.ts';
import { formatText } from '../../src/audit/format/text.ts';
import { isBinary, scanText } from '../../src/content/secrets.ts';
import { PASSING, addEvidence, audit, essentials, ofRule, sha256, variant } from './helpers.ts';

// Fake credentials are assembled at run time so this file never holds one literally.
const AWS_KEY = ['AKIA', 'Z7QW3ER5TY8UI0OP'].join('');
const GH_TOKEN = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
const SLACK_TOKEN = ['xoxb', '-', '1234567890-0987654321-AbCdEfGhIjKlMnOp'].join('');
const BEARER = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJiYWNrdXAtYm90In0', 'Zm9vYmFyYmF6cXV4MTIzNDU2'].join('.');
const PASSWORD = 'Tr0ub4dor&3-horse';
const PEM = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');

const kinds = (text: string) => scanText(text).map((h) => `${h.line}:${h.kind}`);

describe('scanText', () => {
  it('finds each kind of credential, by line', () => {
    const text = [
      'backup ok',
      `aws_access_key_id = ${AWS_KEY}`,
      PEM,
      `password: ${PASSWORD}`,
      `DB_PASSWORD=${PASSWORD} host=db-01`,
      `{"client_secret": "${PASSWORD}"}`,
      `curl -H "Authorization: Bearer ${BEARER}" https://api`,
      `dsn postgres://backup:${PASSWORD}@db-01:5432/ledger`,
      `token ${GH_TOKEN}`,
      `slack ${SLACK_TOKEN}`,
      `secret = ${PASSWORD}`,
    ].join('\n');
    expect(kinds(text)).toEqual([
      '2:AWS access key id',
      '3:private key',
      '4:password',
      '5:password',
      '6:secret or API key',
      '7:bearer token',
      '7:JSON web token',
      '8:URL with a password',
      '9:GitHub token',
      '10:Slack token',
      '11:secret or API key',
    ]);
  });

  it('leaves prose, placeholders, masks and variables alone', () => {
    const text = [
      'The password policy requires 14 characters.',
      'Password: at least 14 characters, rotated yearly',
      'Passwords: see the access policy',
      'password_policy: strict',
      'password: ""',
      'password: "********"',
      'PGPASSWORD=${PGPASSWORD}',
      'password = <your password>',
      'secret: true',
      'api_key: REDACTED',
      'postgres://backup@db-01:5432/ledger',
      'postgres://backup:****@db-01:5432/ledger',
      'Bearer tokens are rotated every 90 days.',
      'Authorization: Bearer <token>',
      'The AWS documentation key AKIAIOSFODNN7EXAMPLE is not a credential.',
      'secretsmanager:GetSecretValue was denied',
      'client_secret: ${CLIENT_SECRET}',
      'password: vault:secret/data/backup#password',
    ].join('\n');
    expect(kinds(text)).toEqual([]);
  });

  it('skips binary files but scans SVG and other text', () => {
    expect(isBinary('a.png', Buffer.from('plain'))).toBe(true);
    expect(isBinary('a.svg', Buffer.from('<svg/>'))).toBe(false);
    expect(isBinary('a.dat', Buffer.from([0x41, 0x00, 0x42]))).toBe(true);
    expect(isBinary('a.log', Buffer.from('ok\n'))).toBe(false);
  });
});

describe('rule 9: secrets', () => {
  it('passes on the fixture, whose artifacts mention passwords without holding one', () => {
    expect(ofRule(audit(PASSING), 'secrets')).toEqual([]);
  });

  it('reports credentials in artifacts and evidence files with file and line, never the value', () => {
    const dir = variant((d) => {
      addEvidence(
        d,
        'ev-config-export',
        'kind: configuration-export\ncollected: 2026-06-01\nvalidFor: P1Y\nsupports: { measures: [msr-nightly] }',
        { path: 'evidence/files/pgbackrest.conf', text: `[global]\nrepo1-path=/backup\nrepo1-s3-key=${AWS_KEY}\nrepo1-cipher-pass=${PASSWORD}\n` },
        `Exported config.\n\nConnection used: postgres://backup:${PASSWORD}@db-01/ledger\n`,
      );
      addEvidence(d, 'ev-diagram', 'kind: diagram\ncollected: 2026-06-01\nvalidFor: P1Y\nsupports: { measures: [msr-nightly] }', {
        path: 'evidence/files/flow.svg',
        text: `<svg xmlns="http://www.w3.org/2000/svg">\n<text>${GH_TOKEN}</text>\n</svg>\n`,
      });
      // A screenshot is binary: whatever bytes it holds are not scanned.
      writeFileSync(path.join(d, 'evidence/files/console.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from(AWS_KEY)]));
      addEvidence(d, 'ev-screenshot', `kind: screenshot\ncollected: 2026-06-01\nvalidFor: P1Y\nsupports: { measures: [msr-nightly] }\nartifacts:\n  - path: evidence/files/console.png\n    sha256: ${sha256(d, 'evidence/files/console.png')}`);
    });
    const report = audit(dir);
    expect(ofRule(report, 'secrets').map(essentials)).toEqual([
      {
        rule: 'secrets',
        severity: 'error',
        subject: 'evidence/ev-config-export.md:16',
        file: 'evidence/ev-config-export.md',
        field: undefined,
        line: 16,
        message: 'Possible URL with a password on line 16 of ev-config-export.md. The value is not shown here.',
      },
      {
        rule: 'secrets',
        severity: 'error',
        subject: 'evidence/files/flow.svg:2',
        file: 'evidence/files/flow.svg',
        field: undefined,
        line: 2,
        message: 'Possible GitHub token on line 2 of flow.svg (artifact of "ev-diagram"). The value is not shown here.',
      },
      {
        rule: 'secrets',
        severity: 'error',
        subject: 'evidence/files/pgbackrest.conf:3',
        file: 'evidence/files/pgbackrest.conf',
        field: undefined,
        line: 3,
        message: 'Possible AWS access key id on line 3 of pgbackrest.conf (artifact of "ev-config-export"). The value is not shown here.',
      },
      {
        rule: 'secrets',
        severity: 'error',
        subject: 'evidence/files/pgbackrest.conf:4',
        file: 'evidence/files/pgbackrest.conf',
        field: undefined,
        line: 4,
        message: 'Possible password on line 4 of pgbackrest.conf (artifact of "ev-config-export"). The value is not shown here.',
      },
    ]);
    for (const output of [formatText(report), formatJson(report)]) {
      for (const secret of [AWS_KEY, GH_TOKEN, PASSWORD]) expect(output).not.toContain(secret);
    }
  });
});
