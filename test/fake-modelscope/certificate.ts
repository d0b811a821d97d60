// A self-signed certificate for the fake ModelScope's HTTPS mode, made once with openssl and cached.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODELSCOPE_HOSTS } from './sites';

export interface FakeCertificate {
  key: string;
  cert: string;
  /** base64(sha256(DER SubjectPublicKeyInfo)), what Chromium's --ignore-certificate-errors-spki-list wants. */
  spkiHash: string;
}

/** Both sites' hosts (API-Inference's of the China site first) and localhost. */
export const CERT_NAMES: readonly string[] = [...MODELSCOPE_HOSTS, 'localhost'];
const SUBJECT_ALT_NAME = [...CERT_NAMES.map((name) => `DNS:${name}`), 'IP:127.0.0.1'].join(',');
// Named after the names, so checkouts that want other names (other branches on this machine) keep their own pair
// instead of replacing each other's under a running test.
export const CERT_DIR = join(tmpdir(), `modelscope-quota-fake-cert-${createHash('sha256').update(SUBJECT_ALT_NAME).digest('hex').slice(0, 8)}`);
const OPENSSL = '/usr/bin/openssl';
const DAY_MS = 24 * 60 * 60 * 1000;

export function fakeCertificate(): FakeCertificate {
  if (!isUsable(CERT_DIR)) generate();
  const key = readFileSync(join(CERT_DIR, 'key.pem'), 'utf8');
  const cert = readFileSync(join(CERT_DIR, 'cert.pem'), 'utf8');
  const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
  return { key, cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
}

/** A cached certificate is reused while it has the right names and at least a day left. */
function isUsable(dir: string): boolean {
  if (!existsSync(join(dir, 'key.pem')) || !existsSync(join(dir, 'cert.pem'))) return false;
  const x509 = new X509Certificate(readFileSync(join(dir, 'cert.pem')));
  const names = (x509.subjectAltName ?? '').split(', ').sort().join(',');
  const wanted = ['IP Address:127.0.0.1', ...CERT_NAMES.map((name) => `DNS:${name}`)].sort().join(',');
  return names === wanted && Date.parse(x509.validTo) - Date.now() > DAY_MS;
}

function generate(): void {
  // Built in a private dir and renamed into place in one step, so parallel test runs never read half a pair.
  const staging = mkdtempSync(`${CERT_DIR}-`);
  execFileSync(
    OPENSSL,
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(staging, 'key.pem'), '-out', join(staging, 'cert.pem'),
      '-days', '397', '-subj', `/CN=${CERT_NAMES[0]}`, '-addext', `subjectAltName=${SUBJECT_ALT_NAME}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }, // openssl's stderr ends up in the thrown error
  );
  // Another run may have put its certificate in place meanwhile (or win the rename); then keep theirs.
  if (!isUsable(CERT_DIR)) {
    rmSync(CERT_DIR, { recursive: true, force: true });
    try {
      renameSync(staging, CERT_DIR);
      return;
    } catch {
      // Lost the race: CERT_DIR is now another run's complete pair.
    }
  }
  rmSync(staging, { recursive: true, force: true });
}
