#ifndef DOCEXTRACT_CCURL_SHIM_H
#define DOCEXTRACT_CCURL_SHIM_H
#include <curl/curl.h>

/*
 * curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic C functions, which Swift
 * cannot call. These typed static inline wrappers fix the type of the third argument so that each
 * one is importable. Pick the wrapper whose type matches what libcurl documents for the option.
 *
 * Reminder: CURLOPT_POSTFIELDS is not copied by libcurl; keep the buffer alive for the transfer or
 * use CURLOPT_COPYPOSTFIELDS (set CURLOPT_POSTFIELDSIZE_LARGE first for binary bodies).
 */

/* The data/header callback type: size_t (char *ptr, size_t size, size_t nmemb, void *userdata). */
typedef size_t (*docextract_curl_data_callback)(char *, size_t, size_t, void *);

/* The progress callback type for CURLOPT_XFERINFOFUNCTION. */
typedef int (*docextract_curl_xferinfo_callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

static inline CURLcode docextract_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docextract_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docextract_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docextract_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docextract_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docextract_easy_setopt_data_callback(
    CURL *handle, CURLoption option, docextract_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docextract_easy_setopt_xferinfo_callback(
    CURL *handle, CURLoption option, docextract_curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docextract_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docextract_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docextract_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docextract_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docextract_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode docextract_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode docextract_multi_setopt_pointer(CURLM *handle, CURLMoption option, void *value) {
    return curl_multi_setopt(handle, option, value);
}

/* CURL_GLOBAL_DEFAULT is a compound macro that Swift does not import. */
static inline CURLcode docextract_global_init_default(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* The CURLMsg payload is a union; read the result code without touching it from Swift. */
static inline CURLcode docextract_msg_result(const CURLMsg *message) {
    return message->data.result;
}

/*
 * Not curl, but the module's only C header: glibc (>= 2.34) declares posix_spawn_file_actions_addclosefrom_np
 * only under _GNU_SOURCE, which Swift's Glibc module does not define. ModelClients uses it so that a spawned
 * llama-server does not inherit this process's sockets (curl's connections would otherwise never close).
 * Returns 0 on success; on other systems it does nothing and returns -1 (use POSIX_SPAWN_CLOEXEC_DEFAULT).
 */
#include <spawn.h>
#if defined(__linux__) && defined(__GLIBC__)
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
static inline int docextract_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}
#else
static inline int docextract_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
    (void)actions;
    (void)from;
    return -1;
}
#endif

#endif
