import { initModel, probe, lamaMetrics } from './src/lm/index.ts';
for (const [arch, tok] of [['bert','wordpiece'],['roberta','bpe'],['distilbert','wordpiece']] as const) {
  let t = Date.now();
  const r = await initModel({ arch, preset: 'tiny', tokenizer: `/tmp/lmkg-tok-${tok}`, out: `/tmp/lmkg-m-${arch}`, overwrite: true, std: 0.5, seed: 1 });
  console.log(arch, 'init', Date.now()-t, r.parameters);
  t = Date.now();
  const res = await probe(r.dir, 're-place-birth', { limit: 200, dataDir: '/work/shared/data', out: `/tmp/lmkg-p-${arch}.jsonl`, overwrite: true });
  console.log('probe', Date.now()-t, res.records.length, res.skipped.length);
  const rec = res.records.find(r => r.fact.sentences > 1) ?? res.records[0];
  console.log(JSON.stringify(res.records[0]).slice(0, 1500));
  const m = lamaMetrics(res.records);
  console.log(JSON.stringify(m.overall));
}
