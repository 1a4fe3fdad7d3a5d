export { createAppStore, statusOf, type AppStore, type SimPort } from './createAppStore';
export { StoreProvider, useAppStore, useAppStoreApi } from './StoreProvider';
export { canPlay, isRunning, reduceReport, EVENTS_KEPT } from './reduceReport';
export type {
  AppState,
  KnobFeedback,
  LabActions,
  LabError,
  LabStatus,
  LoadedScenario,
  PlayerSlice,
  RunDescription,
  ScenarioRequest,
  ScenarioSlice,
  ScenarioSource,
  SnapshotSlice,
  UiSlice,
} from './types';
