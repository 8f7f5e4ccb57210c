// How jest compiles TypeScript and TSX: @swc/jest (create-plugin's transform), emitting ES modules so that
// `import.meta.url`, top-level await and imports written with their `.ts` extension work as they do in Node.
export const swcTransform = [
  '@swc/jest',
  {
    sourceMaps: 'inline',
    module: { type: 'es6' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true },
      transform: { react: { runtime: 'automatic' } },
    },
  },
];
