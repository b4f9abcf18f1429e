import app from './app.json';

/** English, bundled: every namespace, and the shape the other languages' files follow. */
export const en = { app };
