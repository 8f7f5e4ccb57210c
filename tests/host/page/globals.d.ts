declare module 'systemjs/dist/system.js';
declare module 'systemjs/dist/extras/amd.js';
declare module 'systemjs/dist/extras/named-register.js';
declare module '*.css';
declare module 'prismjs';
declare module 'react-router-dom';
declare module 'react-router-dom-v5-compat';
