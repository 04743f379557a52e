/**
 * @module Where the quality report's figures come from, typed by the agreed contract: case file audit rounds,
 * survey waves and training coverage. composition.ts passes the caseFileAudits, surveys and training services.
 */
import type { Actor } from '../../platform/access/user.js';
import type { AuditRoundComparison, AuditRoundSummary, SurveyWaveComparison, SurveyWaveSummary, TrainingCoverageRow } from './qualityContracts.js';

export interface AuditRoundSource {
  listRounds(actor: Actor): Promise<AuditRoundSummary[]>;
  compareRounds(actor: Actor, baselineRoundId: number, comparatorRoundId: number): Promise<AuditRoundComparison>;
}

export interface SurveyWaveSource {
  listWaves(actor: Actor): Promise<SurveyWaveSummary[]>;
  compareWaves(actor: Actor, baselineWaveId: number, comparatorWaveId: number): Promise<SurveyWaveComparison>;
}

export interface TrainingCoverageSource {
  coverage(actor: Actor, onDate: string): Promise<TrainingCoverageRow[]>;
}

export interface QualitySources {
  audits: AuditRoundSource;
  surveys: SurveyWaveSource;
  training: TrainingCoverageSource;
  authority: { current(): Promise<{ name: string } | undefined> };
}
