#ifndef DOCEXTRACT_CZLIB_SHIM_H
#define DOCEXTRACT_CZLIB_SHIM_H
#include <zlib.h>
#endif
