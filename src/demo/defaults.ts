/**
 * @file What `lmkg demo` (npm start) does: the paper's knowledge-acquisition experiment scaled to
 * 2 CPU cores. Tuned so the default run takes about 30 minutes; `quick` takes about 2.
 */
export const GOOGLE_RE_DATASETS = Object.freeze(['re-place-birth', 're-date-birth', 're-place-death']);

export const DEMO_DEFAULTS = Object.freeze({
  /** Where the demo writes train/ and study/. */
  out: 'lmkg-demo',
  /** Share of LAMA subjects held out of training (their facts are never trained on). */
  holdout: 0.2,
  seed: 1,
  /** Datasets probed at every snapshot. */
  datasets: ['squad', ...GOOGLE_RE_DATASETS] as string[],
  /** Extractors run on every predictions file. */
  extractors: ['entity-prep', 'svo', 'svo-plus', 'lama'] as string[],
  /** The extractor whose triple F1 the seen / held-out table reports (the paper's enhanced SVO). */
  tableExtractor: 'svo-plus',
  /** Training (see presets/train-tiny.json for the rest). */
  preset: 'tiny',
  train: { epochs: 10, blockMode: 'packed' as const, blockSize: 128, batchSize: 16, learningRate: 3e-3, vocabSize: 8000, warmupRatio: 0.05 },
  bootstrap: 1000,
});

/** `--quick`: about 2 minutes, no quality goal (the test suite runs it). */
export const DEMO_QUICK = Object.freeze({
  train: { epochs: 2, blockMode: 'packed' as const, blockSize: 64, batchSize: 16, learningRate: 1e-3, vocabSize: 2000, maxSteps: 16 },
  /** Queries per dataset. */
  limit: 40,
  extractors: ['svo-plus', 'lama'] as string[],
  bootstrap: 100,
});

/** `--pretrained`: the paper's second experiment (needs the Hugging Face hub). */
export const PRETRAINED_MODELS = Object.freeze(['bert-base-uncased', 'roberta-base', 'distilbert-base-uncased']);
