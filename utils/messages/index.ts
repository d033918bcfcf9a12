/** The message protocol between Signpost's parts: types, sending, routing. */
export * from './payload';
export * from './progress';
export * from './protocol';
export * from './route';
export * from './send';
export * from './views';
