// Addresses the requester and staff receive in emails and documents.

export const requestFormUrl = (publicUrl: string, slug: string) => `${publicUrl}/${slug}/permohonan`;
export const trackingUrl = (publicUrl: string, slug: string) => `${publicUrl}/${slug}/permohonan/cek`;
export const documentsUrl = (publicUrl: string, slug: string, token: string) =>
  `${publicUrl}/${slug}/permohonan/unduh/${token}`;
export const staffRequestUrl = (publicUrl: string, slug: string, requestId: string) =>
  `${publicUrl}/staff/${slug}/permohonan/${requestId}`;
