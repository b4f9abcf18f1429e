/** Absolute URL of a self-hosted asset (paths in assets.generated.ts are relative to the app's base). */
export const assetUrl = (path: string): string => new URL(path, document.baseURI).href;
