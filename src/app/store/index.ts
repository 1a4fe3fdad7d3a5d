export { createAppStore, type AppStore, type SimPort } from './createAppStore';
export { StoreProvider, useAppStore, useAppStoreApi } from './StoreProvider';
export { canPlay, isRunning, reduceReport } from './reduceReport';
export type { AppState, LabActions, LabError, LabStatus, LoadedScenario, PlayerSlice, SimSlice } from './types';
