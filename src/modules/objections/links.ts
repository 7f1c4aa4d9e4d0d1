// Addresses in objection emails and documents.

export const objectionFormUrl = (publicUrl: string, slug: string) => `${publicUrl}/${slug}/keberatan`;
export const objectionTrackingUrl = (publicUrl: string, slug: string) =>
  `${publicUrl}/${slug}/permohonan/cek#keberatan`;
export const staffObjectionUrl = (publicUrl: string, slug: string, objectionId: string) =>
  `${publicUrl}/staff/${slug}/keberatan/${objectionId}`;
