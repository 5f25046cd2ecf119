// The vote rules: pure functions with no I/O, shared by the server (which decides) and the apps (which display).
export * from './fraction';
export * from './defaults';
export * from './describe';
export * from './electorate';
export * from './turnout';
export * from './quorum';
export * from './names';
export * from './spec';
export * from './ballot';
export * from './rank';
export * from './result-types';
export * from './tally-common';
export * from './tally-resolution';
export * from './tally-project';
export * from './tally-election';
export * from './tally-rating';
export * from './tally';
