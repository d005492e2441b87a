#ifndef DOCEXTRACT_CCURL_SHIM_H
#define DOCEXTRACT_CCURL_SHIM_H
#include <curl/curl.h>
/* curl_easy_setopt / curl_easy_getinfo are variadic and cannot be called from Swift.
   The ModelClients issue adds typed static inline wrappers here. */
#endif
