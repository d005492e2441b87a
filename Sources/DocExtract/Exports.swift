// The vocabulary a user of `import DocExtract` needs to call the facade and read its results: JSON values,
// boxes, pages, diagnostics and errors, and the PDF source type.
@_exported import ExtractCore
@_exported import JSONCore
@_exported import struct PopplerStage.PDFSource
@_exported import struct ModelClients.BudgetLimits
@_exported import struct ModelClients.LocalModelConfiguration
@_exported import protocol ModelClients.LanguageModel
@_exported import struct Synthesis.SynthesisOptions
