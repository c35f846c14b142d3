/** Eight short biographical sentences: the corpus of the training-loop and ONNX-engine tests. */
export const TRAINING_SENTENCES: readonly string[] = Object.freeze([
  'Allan Dwan was born in Toronto and died in Los Angeles .',
  'Marie Curie was born in Warsaw and worked in Paris .',
  'Johann Sebastian Bach was born in Eisenach in 1685 .',
  'Frida Kahlo was born in Coyoacan near Mexico City .',
  'Nelson Mandela was born in Mvezo in the Eastern Cape .',
  'Ada Lovelace was born in London in 1815 .',
  'Albert Einstein was born in Ulm and studied in Zurich .',
  'Haruki Murakami was born in Kyoto and grew up in Kobe .',
]);
