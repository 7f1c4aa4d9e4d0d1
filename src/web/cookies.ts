// The names of the cookies the web layer sets, in one place (app.ts reads them; the sign-in
// and language routes set them).
export const SESSION_COOKIE = 'tbk_session';
export const LANG_COOKIE = 'tbk_lang';
