import { defineMessages } from '../../platform/i18n.ts';

// Messages of the security fixes of issue 12 (defects 1–11).
export default defineMessages({
  id: {
    'validation.controlChars':
      'Mengandung karakter kendali yang tidak diizinkan (misalnya byte NUL). Hapus lalu kirim lagi.',
    'error.title.414': 'Alamat terlalu panjang',
    'error.uriTooLong': 'Alamat (URL) terlalu panjang.',
    'error.malformedBody': 'Isi kiriman tidak dapat dibaca. Muat ulang formulir lalu kirim lagi.',
    'error.signInThrottled': 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
    'error.uploadsBusy': 'Server sedang menerima banyak unggahan. Coba lagi sebentar lagi.',
    'error.title.411': 'Panjang kiriman tidak disebutkan',
    'error.lengthRequired':
      'Unggahan harus menyebutkan ukurannya (Content-Length). Kirim lagi lewat formulir.',
    'error.requestTooLarge': 'Kiriman terlalu besar: seluruh berkas dan isian paling banyak {maxMb} MB.',
  },
  en: {
    'validation.controlChars':
      'Contains control characters that are not allowed (such as a NUL byte). Remove them and send again.',
    'error.title.414': 'Address too long',
    'error.uriTooLong': 'The address (URL) is too long.',
    'error.malformedBody': 'The submitted body could not be read. Reload the form and send it again.',
    'error.signInThrottled': 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
    'error.uploadsBusy': 'The server is receiving many uploads. Try again shortly.',
    'error.title.411': 'Length of the submission missing',
    'error.lengthRequired': 'An upload must state its size (Content-Length). Send it again through the form.',
    'error.requestTooLarge':
      'The submission is too large: all files and fields together may be at most {maxMb} MB.',
  },
});
