import app from './app.json';
import capture from './capture.json';
import home from './home.json';
import review from './review.json';
import scan from './scan.json';
import batch from './batch.json';
import history from './history.json';
import insight from './insight.json';

/** English, bundled: every namespace, and the shape the other languages' files follow. */
export const en = { app, home, capture, scan, review, batch, history, insight };
