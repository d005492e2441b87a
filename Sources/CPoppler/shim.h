#ifndef DOCEXTRACT_CPOPPLER_SHIM_H
#define DOCEXTRACT_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>
#endif
