// Notices to a phone (issue 15): WhatsApp Business Cloud API and a generic SMS gateway, behind
// the same Transport as email (mailer.ts). Both are plain HTTPS POSTs; what they send is a short
// text with no secret in it (the outbox refuses secrets on a phone row, see mailer.ts).

/** The ways a notice leaves the outbox. */
export const CHANNELS = ['email', 'whatsapp', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What every channel's transport is handed; a phone transport reads `to`, `text` and `params`. */
export interface OutboundMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A phone notice's parts (name, what happened, link) for a WhatsApp message template. */
  params?: string[];
}

/** The ONE interface every channel implements: deliver, or throw (the job retries). */
export interface Transport {
  send(message: OutboundMessage): Promise<{ messageId: string }>;
}

export interface WhatsAppSettings {
  /** Graph API base with its version, e.g. https://graph.facebook.com/v21.0 */
  apiUrl: string;
  phoneNumberId: string;
  token: string;
  /**
   * An approved message template (needed outside the 24-hour customer service window) whose
   * body takes three parameters: {{1}} name, {{2}} what happened, {{3}} the tracking link.
   * Unset = free-form text messages.
   */
  template?: { name: string; language: string };
}

export interface SmsSettings {
  url: string;
  token?: string;
  /** Header that carries the token: `Authorization` gets "Bearer <token>", any other the bare token. */
  authHeader: string;
  format: 'json' | 'form';
  sender?: string;
}

const TIMEOUT_MS = 15_000;

// WhatsApp refuses template parameters with newlines, tabs or more than four spaces in a row.
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The JSON body of POST {apiUrl}/{phone-number-id}/messages (Cloud API). */
export function whatsappBody(
  settings: Pick<WhatsAppSettings, 'template'>,
  message: Pick<OutboundMessage, 'to' | 'text' | 'params'>,
): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to };
  if (settings.template && message.params && message.params.length > 0) {
    return {
      ...base,
      type: 'template',
      template: {
        name: settings.template.name,
        language: { code: settings.template.language },
        components: [
          { type: 'body', parameters: message.params.map((p) => ({ type: 'text', text: oneLine(p) })) },
        ],
      },
    };
  }
  return { ...base, type: 'text', text: { preview_url: false, body: message.text } };
}

/** The SMS gateway request: body and headers, JSON or form-encoded {to, message[, from]}. */
export function smsRequest(
  settings: SmsSettings,
  message: Pick<OutboundMessage, 'to' | 'text'>,
): { headers: Record<string, string>; body: string } {
  const fields: Record<string, string> = { to: message.to, message: message.text };
  if (settings.sender) fields.from = settings.sender;
  const headers: Record<string, string> = {
    'content-type': settings.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
  };
  if (settings.token) {
    headers[settings.authHeader.toLowerCase()] =
      settings.authHeader.toLowerCase() === 'authorization' ? `Bearer ${settings.token}` : settings.token;
  }
  const body = settings.format === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
  return { headers, body };
}

/** A refusal as one line for last_error: the status and the provider's own message, never the token or the body sent. */
async function refusal(provider: string, res: Response): Promise<Error> {
  let detail = '';
  try {
    const text = await res.text();
    try {
      const json = JSON.parse(text) as {
        error?: { message?: unknown; code?: number | string } | string;
        message?: unknown;
      };
      const err = json.error;
      detail =
        typeof err === 'string'
          ? err
          : typeof err?.message === 'string'
            ? `${err.message}${err.code !== undefined ? ` (code ${err.code})` : ''}`
            : typeof json.message === 'string'
              ? json.message
              : '';
    } catch {
      detail = text;
    }
  } catch {
    // no body
  }
  return new Error(`${provider} answered HTTP ${res.status}${detail ? `: ${detail.slice(0, 300)}` : ''}`);
}

export function whatsappTransport(settings: WhatsAppSettings): Transport {
  const url = `${settings.apiUrl.replace(/\/$/, '')}/${encodeURIComponent(settings.phoneNumberId)}/messages`;
  return {
    async send(message) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${settings.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(whatsappBody(settings, message)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw await refusal('WhatsApp Cloud API', res);
      const json = (await res.json().catch(() => ({}))) as { messages?: { id?: unknown }[] };
      const id = json.messages?.[0]?.id;
      return { messageId: typeof id === 'string' ? id : `whatsapp:${res.status}` };
    },
  };
}

export function smsTransport(settings: SmsSettings): Transport {
  return {
    async send(message) {
      const { headers, body } = smsRequest(settings, message);
      const res = await fetch(settings.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw await refusal('SMS gateway', res);
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      const id = json.id ?? json.messageId ?? json.message_id;
      return {
        messageId: typeof id === 'string' || typeof id === 'number' ? String(id) : `sms:${res.status}`,
      };
    },
  };
}

/** What a phone notice says: who it is for, what happened, where to follow it. */
export interface PhoneNotice {
  name: string;
  summary: string;
  url: string;
  signature: string;
}

/** The text of a phone notice, short enough for two SMS parts. */
export function phoneNoticeText(n: PhoneNotice): string {
  return [`Yth. ${n.name},`, n.summary, `Lacak: ${n.url}`, n.signature].join('\n');
}
