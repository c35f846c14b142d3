/**
 * @file The knowledge-graph layer: the graph type (a graphology directed multigraph), building from
 * triples in `triples` or `paper` mode, set operations with triple precision / recall / F1, and
 * JSON, CSV, GraphML and GEXF import and export.
 */
export type { Provenance, Triple, TripleWithProvenance, TriplePart, KgNode, KgEdge, KgMeta, KgMode, KgView, KnowledgeGraph } from './types.js';
export { TRIPLE_PARTS, KG_VIEWS } from './types.js';
export { knowledgeGraphView } from './view.js';
export {
  factIdOfQuery, factCounts, factFigures, factTripleSetsOfGraph, factTripleSetsOfTriples,
  type FactCounts, type FactTripleFigures, type FactTripleSets,
} from './fact-scores.js';
export { slotText, parseSlotText } from './slot-text.js';
export { normaliseKey, graphSafeKey } from './normalise.js';
export { createKnowledgeGraph, addTriple, kgTriples, hasSlotProvenance, copyEdgeAttributes } from './create.js';
export { buildKnowledgeGraph, addTripleByPair, type BuildKnowledgeGraphOptions } from './build.js';
export { diffKnowledgeGraphs, tripleKey, type KgDiff } from './diff.js';
export { kgToCsv, kgFromCsv, triplesFromCsv, csvField } from './csv.js';
export { saveKnowledgeGraph, loadKnowledgeGraph, type KnowledgeGraphJson } from './json.js';
export { kgToGraphml, kgFromGraphml } from './graphml.js';
export { kgToGexf, kgFromGexf } from './gexf.js';
export { escapeXml, parseXml, type XmlElement } from './xml.js';
export {
  writeKnowledgeGraph, readKnowledgeGraph, formatKnowledgeGraph, kgFileFormat, KG_FILE_FORMATS, type KgFileFormat,
} from './files.js';
export { KG_DEFAULTS, KG_JSON_FORMAT, KG_JSON_FORMAT_VERSION } from './defaults.js';
