import { existsSync, writeFileSync } from 'node:fs';
import { generateKeyPair } from '../../release/sign.ts';
import { UsageError, type Command } from '../command.ts';

export const keygen: Command = {
  name: 'keygen',
  summary: 'Make an ed25519 key pair for signing release bundles: NAME.key.pem (private, keep it out of the repository) and NAME.pub.pem (give it to auditors).',
  usage: 'keygen [--out NAME]',
  help: ['--out NAME       file name prefix (default: proofbook-release): writes NAME.key.pem and NAME.pub.pem'],
  options: { out: { type: 'string', default: 'proofbook-release' } },
  async run(values) {
    const name = String(values.out);
    if (!name.trim()) throw new UsageError('--out needs a file name prefix');
    const priv = `${name}.key.pem`;
    const pub = `${name}.pub.pem`;
    const taken = [priv, pub].filter((f) => existsSync(f));
    if (taken.length) {
      process.stderr.write(`✗ ${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}: keys are never overwritten. Choose another --out name.\n`);
      return 1;
    }
    const pair = generateKeyPair();
    writeFileSync(priv, pair.privateKey, { mode: 0o600, flag: 'wx' });
    writeFileSync(pub, pair.publicKey, { mode: 0o644, flag: 'wx' });
    process.stdout.write(
      [
        `✓ Wrote ${priv} (private: keep it secret and out of the repository) and ${pub} (public).`,
        `  key id ${pair.keyId}`,
        `  sign:   npx proofbook release VERSION --sign-key ${priv}`,
        `  verify: npx proofbook verify proofbook-VERSION.zip --public-key ${pub}`,
      ].join('\n') + '\n',
    );
    return 0;
  },
};
