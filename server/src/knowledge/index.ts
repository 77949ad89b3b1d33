/**
 * The knowledge layer: pure data tables and decoders about cables, shared by hovers and rules.
 * No LSP or parser imports; nothing here throws. Data provenance: data/PROVENANCE.md.
 */
export * from './captions';
export * from './classification';
export * from './dtg';
export * from './executiveOrders';
export * from './hoverTexts';
export * from './precedence';
export * from './reasons';
export * from './routing';
export * from './tags';
