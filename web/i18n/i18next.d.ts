/** Typed keys for t(): a key missing from vi.ts is a TypeScript error. */
import 'i18next';
import type { vi } from './vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
    returnNull: false;
  }
}
