export * from './balance';
export * from './common';
export * from './health';
export * from './magicube';
export * from './models';
export * from './parse-request';
export * from './problems';
export * from './protocol';
