// Emscripten 3.1.6 writes its node branch for CommonJS: give it the __dirname it reads when the module is
// imported as an ES module. web/lib/articlescope.js always passes wasmBinary under node, so nothing is read
// from disk by the generated code.
var __dirname = "";
