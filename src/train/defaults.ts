/**
 * @file What training does, in one place. A preset (presets/train-<name>.json) overrides these;
 * command-line options override the preset. Every checkpoint records the resolved values.
 */
/** Defaults of `train`: the `tiny` preset and the training loop settings (a preset and the options override them). */
export const TRAIN_DEFAULTS: Readonly<TrainConfig> = Object.freeze({
  arch: 'roberta' as 'roberta' | 'bert' | 'distilbert',
  // model shape
  hiddenSize: 128,        // hidden size H
  numLayers: 2,           // transformer blocks
  numHeads: 2,            // attention heads (H must divide by it)
  intermediateSize: 512,  // feed-forward width
  maxLength: 128,         // longest input in tokens (RoBERTa: position table of maxLength + 2 rows)
  initStd: 0.02,          // HF initializer_range
  hiddenDropout: 0.1,     // HF hidden_dropout_prob
  attentionDropout: 0.1,  // HF attention_probs_dropout_prob
  // tokenizer (trained unless --tokenizer is given)
  vocabSize: 8000,        // byte-level BPE vocabulary
  minFrequency: 2,        // a pair must occur this often to be merged
  // data
  evidenceText: 'snippets' as 'snippets' | 'fact-sentences', // lama-evidence: paragraphs, or only the sentences stating each fact
  splitSentences: false,  // one example per sentence instead of per line (paragraph); see sentences.ts
  blockMode: 'line-by-line' as 'line-by-line' | 'packed',
  blockSize: 64,          // tokens per example, <s> and </s> included
  mlmProbability: 0.15,   // share of tokens chosen for the MLM loss (80% <mask>, 10% random, 10% kept)
  salientSpanProbability: 0, // salient spans (names, numbers) masked whole besides; 0: plain BERT masking
  salientSpanMode: 'one' as 'one' | 'each', // one span per example with that probability (REALM), or each span
  // optimisation
  epochs: 3,
  batchSize: 16,          // examples per micro-batch
  gradAccumulation: 1,    // micro-batches per optimizer step
  learningRate: 1e-3,     // peak learning rate
  warmupRatio: 0.06,      // share of the steps spent warming up linearly
  weightDecay: 0.01,      // AdamW decoupled decay (not on biases and LayerNorm weights)
  adamBeta1: 0.9,
  adamBeta2: 0.999,
  adamEpsilon: 1e-8,
  maxGradNorm: 1.0,       // global-norm gradient clipping
  seed: 1337,             // init, masking, dropout and shuffling all derive from it
  saveEpochs: 1,          // checkpoint every N epochs (the last epoch always); the demo keeps every 2nd
  saveSteps: 0,           // also checkpoint every N optimizer steps (0: only at epoch ends)
  maxSteps: 0,            // stop after N optimizer steps in all (0: run every epoch); for tests and benchmarks
  // where the step runs (see engine.ts); the resolved values are recorded, and kept on --resume
  engine: 'auto' as 'auto' | 'onnx' | 'tfjs', // auto: onnx (one ONNX graph per step, all cores); tfjs: the reference
  device: 'cpu' as 'cpu' | 'cuda', // cuda: onnxruntime's CUDA execution provider (onnx engine only)
  threads: 0,             // onnxruntime threads; 0: the CPUs this process may use (affinity, cgroup quota, SLURM_CPUS_PER_TASK)
});

/** Every setting of a training run, as recorded in `train_run.json` and each `trainer_state.json`. */
export interface TrainConfig {
  arch: 'roberta' | 'bert' | 'distilbert';
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  intermediateSize: number;
  maxLength: number;
  initStd: number;
  hiddenDropout: number;
  attentionDropout: number;
  vocabSize: number;
  minFrequency: number;
  evidenceText: 'snippets' | 'fact-sentences';
  splitSentences: boolean;
  blockMode: 'line-by-line' | 'packed';
  blockSize: number;
  mlmProbability: number;
  salientSpanProbability: number;
  salientSpanMode: 'one' | 'each';
  epochs: number;
  batchSize: number;
  gradAccumulation: number;
  learningRate: number;
  warmupRatio: number;
  weightDecay: number;
  adamBeta1: number;
  adamBeta2: number;
  adamEpsilon: number;
  maxGradNorm: number;
  seed: number;
  saveEpochs: number;
  saveSteps: number;
  maxSteps: number;
  engine: 'auto' | 'onnx' | 'tfjs';
  device: 'cpu' | 'cuda';
  threads: number;
}

/** Training presets shipped in presets/train-<name>.json. */
export const TRAIN_PRESET_NAMES = Object.freeze(['tiny', 'small', 'paper'] as const);
