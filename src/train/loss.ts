/**
 * @file The masked-language-model loss: mean cross-entropy over the chosen positions only. The
 * MLM head runs on those rows alone (about 15% of the tokens), which saves most of the
 * [tokens x vocabulary] decoder work of running it on every position. The cross-entropy has a
 * hand-written gradient, softmax - onehot: tfjs' own goes through the gradient of max(), a
 * broadcast Equal over [M x V] that the wasm backend runs ~10x slower than the whole loss.
 */
import * as tf from '@tensorflow/tfjs';
import { maskedLmHead, maskedLmHidden, type TfForwardOptions, type TfMaskedLm } from './model.js';

export interface MlmBatch {
  /** [B * S] masked input ids. */
  inputIds: Int32Array;
  /** [B * S] 1 for tokens, 0 for padding. */
  attentionMask: Int32Array;
  batch: number;
  seqLen: number;
  /** Flat positions (row * seqLen + column) whose original ids are the labels. */
  positions: Int32Array;
  labels: Int32Array;
}

/** Mean softmax cross-entropy of logits [M, V] against one-hot labels [M, V]. */
export const softmaxCrossEntropy: (logits: tf.Tensor2D, oneHotLabels: tf.Tensor2D) => tf.Scalar = tf.customGrad(
  ((logits: tf.Tensor, labels: tf.Tensor, save: tf.GradSaveFunc) => {
    const rows = logits.shape[0]!;
    const logProbs = tf.logSoftmax(logits);
    save([logProbs, labels]);
    return {
      value: tf.div(tf.neg(tf.sum(tf.mul(logProbs, labels))), rows),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedLogProbs, savedLabels] = saved as [tf.Tensor, tf.Tensor];
        const grad = tf.mul(tf.sub(tf.exp(savedLogProbs), savedLabels), tf.div(dy, rows));
        return [grad, tf.zerosLike(savedLabels)];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0],
) as unknown as (logits: tf.Tensor2D, oneHotLabels: tf.Tensor2D) => tf.Scalar;

/** Scalar mean loss; call inside tf.tidy / tf.variableGrads. */
export function mlmLoss(model: TfMaskedLm, batch: MlmBatch, options: TfForwardOptions = {}): tf.Scalar {
  const shape: [number, number] = [batch.batch, batch.seqLen];
  const hidden = maskedLmHidden(model, {
    inputIds: tf.tensor2d(batch.inputIds, shape, 'int32'),
    attentionMask: tf.tensor2d(batch.attentionMask, shape, 'int32'),
  }, options); // [B*S, H]
  const picked = tf.gather(hidden, tf.tensor1d(batch.positions, 'int32')) as tf.Tensor2D; // [M, H]
  const logits = maskedLmHead(model, picked); // [M, V]
  const labels = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), model.config.vocabSize).toFloat() as tf.Tensor2D; // [M, V]
  return softmaxCrossEntropy(logits, labels);
}
