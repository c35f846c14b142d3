/**
 * @file The datasets of a study: the id each is loaded by, the short name shown in tables and the
 * report (data/dataset-names.ts), and its folder in the run folder. A run written by lmkg 0.1.0
 * named a `file:` dataset's folder after the whole id (`file___data__TREx__P19.jsonl`); when such a
 * folder is there and the new one is not, the dataset keeps its old folder and name, so the run
 * resumes and stays consistent with itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { datasetNames } from '../data/index.js';
import { safeFolderName } from './model-list.js';

/** A dataset of a study and its folder. */
export interface StudyDataset {
  /** The id as given: what the probe loads and run.json records. */
  id: string;
  /** The name in the summary, the report and the timelines. */
  name: string;
  /** The folder under the run folder. */
  folder: string;
}

/** The study's datasets, in the order given (see the file comment). */
export function studyDatasets(ids: readonly string[], runDir: string): StudyDataset[] {
  const names = datasetNames(ids);
  return ids.map((id) => {
    const name = names.get(id)!;
    const folder = safeFolderName(name);
    const legacy = safeFolderName(id);
    if (legacy !== folder && existsSync(join(runDir, legacy)) && !existsSync(join(runDir, folder))) return { id, name: id, folder: legacy };
    return { id, name, folder };
  });
}
