/**
 * @file AdamW (Loshchilov & Hutter, 2019) as PyTorch implements it — decoupled weight decay
 * p <- p * (1 - lr * wd) - lr * m_hat / (sqrt(v_hat) + eps) — with global-norm gradient clipping.
 * Its moments can be read out and restored, so a resumed run continues exactly.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from './defaults.js';

export interface AdamWOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
  /** Parameters excluded from weight decay (Hugging Face: biases and LayerNorm weights). */
  decays: (name: string) => boolean;
}

export interface AdamWState {
  step: number;
  /** First and second moments keyed `m.<param>` / `v.<param>`. */
  moments: Map<string, Float32Array>;
  /**
   * How linear-weight moments are laid out: `tfjs` as the tfjs engine keeps its variables
   * ([in, out]; also what checkpoints without the field hold), `pytorch` as the ONNX engine ([out, in]).
   */
  layout?: 'tfjs' | 'pytorch';
}

/** The AdamW settings of a training configuration (decay on the parameters Hugging Face decays). */
export function adamOptions(config: Pick<TrainConfig, 'adamBeta1' | 'adamBeta2' | 'adamEpsilon' | 'weightDecay'>): AdamWOptions {
  return { beta1: config.adamBeta1, beta2: config.adamBeta2, epsilon: config.adamEpsilon, weightDecay: config.weightDecay, decays: decaysParameter };
}

/**
 * Whether AdamW decays a parameter, as Hugging Face's Trainer decides: every weight except
 * biases and LayerNorm weights.
 */
export function decaysParameter(name: string): boolean {
  return !name.endsWith('bias') && !/layer_?norm/i.test(name);
}

export class AdamW {
  private step = 0;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();

  constructor(private readonly params: Map<string, tf.Variable>, private readonly options: AdamWOptions) {
    for (const [name, param] of params) {
      this.m.set(name, tf.variable(tf.zerosLike(param), false, `adamw.m.${name}`));
      this.v.set(name, tf.variable(tf.zerosLike(param), false, `adamw.v.${name}`));
    }
  }

  /** Applies one update with learning rate `lr`; gradients are keyed like the parameters. */
  apply(grads: Map<string, tf.Tensor>, lr: number): void {
    this.step += 1;
    const { beta1, beta2, epsilon, weightDecay, decays } = this.options;
    const bias1 = 1 - beta1 ** this.step;
    const bias2 = 1 - beta2 ** this.step;
    tf.tidy(() => {
      for (const [name, param] of this.params) {
        const grad = grads.get(name);
        if (!grad) continue;
        const m = this.m.get(name)!;
        const v = this.v.get(name)!;
        m.assign(m.mul(beta1).add(grad.mul(1 - beta1)));
        v.assign(v.mul(beta2).add(grad.square().mul(1 - beta2)));
        const update = m.div(bias1).div(v.div(bias2).sqrt().add(epsilon));
        const decayed = decays(name) && weightDecay > 0 ? param.mul(1 - lr * weightDecay) : param;
        param.assign(decayed.sub(update.mul(lr)));
      }
    });
  }

  state(): AdamWState {
    const moments = new Map<string, Float32Array>();
    for (const [name, m] of this.m) moments.set(`m.${name}`, m.dataSync() as Float32Array);
    for (const [name, v] of this.v) moments.set(`v.${name}`, v.dataSync() as Float32Array);
    return { step: this.step, moments, layout: 'tfjs' };
  }

  load(state: AdamWState): void {
    this.step = state.step;
    for (const [key, variables] of [['m', this.m], ['v', this.v]] as const) {
      for (const [name, variable] of variables) {
        const values = state.moments.get(`${key}.${name}`);
        if (!values || values.length !== variable.size) throw new Error(`AdamW.load: optimizer state has no ${key}.${name} of ${variable.size} values`);
        variable.assign(tf.tensor(values, variable.shape));
      }
    }
  }

  dispose(): void {
    for (const variable of [...this.m.values(), ...this.v.values()]) variable.dispose();
  }
}

/** Scales gradients in place of the map so their global L2 norm is at most `maxNorm`; returns the norm before clipping. */
export function clipByGlobalNorm(grads: Map<string, tf.Tensor>, maxNorm: number): number {
  const norm = tf.tidy(() => tf.sqrt(tf.addN([...grads.values()].map((g) => g.square().sum()))).dataSync()[0]!);
  if (norm > maxNorm && Number.isFinite(norm)) {
    const scale = maxNorm / (norm + 1e-6);
    for (const [name, grad] of grads) {
      grads.set(name, grad.mul(scale));
      grad.dispose();
    }
  }
  return norm;
}
