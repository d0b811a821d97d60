const MAX_MESSAGE_LENGTH = 300;

const TOKEN_PATTERN = /ms-[0-9a-f]{8,}/gi;

/** Hides the secret, and anything shaped like a ModelScope token, in case the upstream echoes it back. */
export function redactSecret(text: string, secret: string): string {
  const withoutSecret = secret ? text.split(secret).join('ms-***') : text;
  return withoutSecret.replace(TOKEN_PATTERN, 'ms-***');
}

function messageField(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = (value as { message?: unknown }).message;
  return typeof message === 'string' && message.trim() ? message : null;
}

/**
 * The upstream's own explanation from an error body: `error.message` (401/403/404), `errors.message` (429) or a
 * top-level `message` (Magicube). HTML pages and unreadable bodies give null; the text is bounded and redacted.
 */
export function upstreamMessage(body: string, secret: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as { error?: unknown; errors?: unknown };
  const message = messageField(record.error) ?? messageField(record.errors) ?? messageField(parsed);
  if (message === null) return null;
  const oneLine = redactSecret(message, secret).replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE_LENGTH ? `${oneLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : oneLine;
}
