// The vocabulary a user of `import DocExtract` needs to call the facade and read its results: JSON values,
// boxes, pages, diagnostics and errors, and the PDF source type.
@_exported import ExtractCore
@_exported import JSONCore
@_exported import struct PopplerStage.PDFSource
