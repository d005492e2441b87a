#ifndef DOCEXTRACT_CTESSERACT_SHIM_H
#define DOCEXTRACT_CTESSERACT_SHIM_H
/* Tesseract and Leptonica share one module so that `Pix` has a single identity in Swift. */
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#endif
