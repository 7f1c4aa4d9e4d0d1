// fontkit (pdfkit's font engine) ships no types; pdf.ts only needs `create`.
declare module 'fontkit' {
  export interface FontkitFont {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
