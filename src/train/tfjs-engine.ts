/**
 * @file The tfjs training engine: the tfjs model (model.ts) with autodiff, the MLM loss with its
 * hand-written softmax gradient (loss.ts), global-norm clipping and AdamW (optimizer.ts). The
 * reference implementation of a training step; it runs on the tfjs backend initTfBackend() picks.
 */
import * as tf from '@tensorflow/tfjs';
import { initTfBackend } from './backend.js';
import type { EngineSetup, MicroBatchInput, StepResult, TrainingEngine } from './engine.js';
import { registerWasmTrainingKernels } from './kernels.js';
import { mlmLoss } from './loss.js';
import { createTfMaskedLm, disposeTfMaskedLm, weightsFromTfMaskedLm } from './model.js';
import { convertMoments } from './moments.js';
import { AdamW, adamOptions, clipByGlobalNorm } from './optimizer.js';

export async function createTfjsEngine(setup: EngineSetup): Promise<TrainingEngine> {
  const backend = await initTfBackend();
  if (backend === 'wasm') registerWasmTrainingKernels();
  const model = createTfMaskedLm(setup.modelConfig, setup.weights);
  const optimizer = new AdamW(model.params, adamOptions(setup.config));
  if (setup.optimizer) optimizer.load(convertMoments(setup.optimizer, setup.modelConfig, 'tfjs'));
  return {
    name: 'tfjs',
    description: `tfjs-${backend}`,
    async step(micros: MicroBatchInput[], learningRate: number): Promise<StepResult> {
      let loss = 0;
      let accumulated: Map<string, tf.Tensor> | null = null;
      for (const { batch, random } of micros) {
        const dropout = (x: tf.Tensor, rate: number) => tf.dropout(x, rate, undefined, random.nextUint32());
        const { value, grads } = tf.variableGrads(
          () => mlmLoss(model, batch, { training: true, dropout }).div(micros.length) as tf.Scalar,
          [...model.params.values()],
        );
        loss += value.dataSync()[0]!;
        value.dispose();
        accumulated = accumulate(accumulated, grads);
      }
      const gradNorm = clipByGlobalNorm(accumulated!, setup.config.maxGradNorm);
      optimizer.apply(accumulated!, learningRate);
      for (const grad of accumulated!.values()) grad.dispose();
      return { loss, gradNorm };
    },
    weights: () => weightsFromTfMaskedLm(model),
    optimizerState: () => optimizer.state(),
    async dispose(): Promise<void> {
      optimizer.dispose();
      disposeTfMaskedLm(model);
    },
  };
}

function accumulate(sum: Map<string, tf.Tensor> | null, grads: tf.NamedTensorMap): Map<string, tf.Tensor> {
  if (sum === null) return new Map(Object.entries(grads));
  for (const [name, grad] of Object.entries(grads)) {
    const previous = sum.get(name)!;
    sum.set(name, tf.add(previous, grad));
    previous.dispose();
    grad.dispose();
  }
  return sum;
}
