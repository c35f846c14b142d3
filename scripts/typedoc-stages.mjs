// TypeDoc plugin: puts each export of src/index.ts in the section of its pipeline stage, named
// after the src/ folder it is declared in (src/probe/... -> "probe"); files directly in src/
// (errors, version, cpus) go to "errors". docs/api.md then reads stage by stage, in the order of
// typedoc.json's categoryOrder (that of src/index.ts), instead of TypeDoc's Classes / Functions / Interfaces.
import { relative, sep } from 'node:path';
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

export const STAGES = ['errors', 'data', 'tokenizers', 'nlp', 'kg', 'lm', 'probe', 'train', 'extract', 'compare', 'report', 'run', 'demo'];

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.parent?.kind !== ReflectionKind.Project) return; // top-level exports only
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    if (!file) return;
    const parts = relative(context.program.getCurrentDirectory(), file).split(sep); // ['src', 'probe', 'probe.ts']
    const stage = parts.length > 2 && STAGES.includes(parts[1]) ? parts[1] : 'errors';
    reflection.comment ??= new Comment();
    reflection.comment.blockTags.push(new CommentTag('@category', [{ kind: 'text', text: stage }]));
  });
}
