/**
 * @file Learning-rate schedule: linear warm-up from 0 to the peak, then linear decay to 0 at the
 * last step (Hugging Face's get_linear_schedule_with_warmup).
 */
export function linearWarmupDecay(step: number, peak: number, warmupSteps: number, totalSteps: number): number {
  if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const remaining = totalSteps - step;
  const span = Math.max(1, totalSteps - warmupSteps);
  return Math.max(0, (peak * remaining) / span);
}
